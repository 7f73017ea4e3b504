package io.portus.auth.token;

import io.portus.auth.Principal;
import io.portus.auth.authn.RefreshTokenStore;
import io.portus.auth.scope.Scope;
import io.portus.auth.throttle.AuthThrottle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /v2/token}, the Docker token endpoint (docs/compatibility.md#token-endpoint), served before Spring Security,
 * sessions and MVC: CI fleets ask for a token before every pull and push, and that stack (which adds nothing
 * here: the endpoint authenticates its own Basic credentials) cost more than the answer itself. Answers
 * 200 with {@code token}, {@code access_token}, {@code expires_in}, {@code issued_at} (and
 * {@code refresh_token} with {@code offline_token=true}); refusals are those of {@link TokenController}. The
 * bodies are {@link TokenResponses}', the POST's writer too.
 */
final class TokenGetFilter extends OncePerRequestFilter {

    static final String PATH = "/v2/token";
    private static final Logger log = LoggerFactory.getLogger(TokenGetFilter.class);

    /** The beans behind the answer, looked up on first use: filters are made before the rest of the context. */
    record Parts(Credentials credentials, TokenService tokens, RefreshTokenStore refreshTokens) {
    }

    private final Supplier<Parts> lookup;
    private volatile Parts parts;

    TokenGetFilter(Supplier<Parts> lookup) {
        this.lookup = lookup;
    }

    private Parts parts() {
        Parts p = parts;
        if (p == null) {
            p = lookup.get();
            parts = p;
        }
        return p;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !PATH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body;
        try {
            body = answer(request);
        } catch (TokenRequestException e) {
            log.debug("/v2/token refused ({}): {}", e.status().value(), e.getMessage());
            response.setStatus(e.status().value());
            if (e.status().value() == 401) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, TokenController.BASIC_CHALLENGE);
            }
            if (e.retryAfter() != null) {
                response.setHeader(HttpHeaders.RETRY_AFTER, AuthThrottle.retryAfter(e.retryAfter()));
            }
            body = TokenResponses.refused(e, false);
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private byte[] answer(HttpServletRequest request) {
        Parts p = parts();
        TokenService tokens = p.tokens();
        Map<String, List<String>> query = QueryString.parse(request.getQueryString());
        Principal principal = p.credentials().fromHeader(request.getHeader(HttpHeaders.AUTHORIZATION), request.getRemoteAddr());
        List<Scope> scopes = TokenController.scopes(query.getOrDefault("scope", List.of()));
        String service = orEmpty(QueryString.first(query, "service"));
        TokenService.Grant grant = tokens.grant(principal, service, scopes);
        String refreshToken = principal != null && "true".equalsIgnoreCase(QueryString.first(query, "offline_token"))
                ? p.refreshTokens().issue(principal, service) : null;
        return TokenResponses.issued(grant.token(), tokens.now(), null, refreshToken);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
