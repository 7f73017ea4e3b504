package io.portus.auth.token;

import io.portus.auth.Principal;
import io.portus.auth.authn.RefreshTokenStore;
import io.portus.auth.scope.InvalidScopeException;
import io.portus.auth.scope.Scope;
import io.portus.auth.scope.Scopes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /v2/token}, the Docker token endpoint (portus-behaviour §1.2), served before Spring Security,
 * sessions and MVC: CI fleets ask for a token before every pull and push, and that stack (which adds nothing
 * here: the endpoint authenticates its own Basic credentials) cost more than the answer itself. Answers
 * 200 with {@code token}, {@code access_token}, {@code expires_in}, {@code issued_at} (and
 * {@code refresh_token} with {@code offline_token=true}); refusals are those of {@link TokenController}.
 */
final class TokenGetFilter extends OncePerRequestFilter {

    static final String PATH = "/v2/token";
    private static final Logger log = LoggerFactory.getLogger(TokenGetFilter.class);

    /** The beans behind the answer, looked up on first use: filters are made before the rest of the context. */
    record Parts(Credentials credentials, TokenService tokens, RefreshTokenStore refreshTokens) {
    }

    private final Supplier<Parts> lookup;
    private volatile Parts parts;
    private final JsonMapper json = JsonMapper.builder().build();

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
            body = json.writeValueAsBytes(TokenController.errorBody(e, false));
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
        Principal principal = p.credentials().fromHeader(request.getHeader(HttpHeaders.AUTHORIZATION));
        List<Scope> scopes = scopes(query.getOrDefault("scope", List.of()));
        String service = orEmpty(QueryString.first(query, "service"));
        TokenService.Grant grant = tokens.grant(principal, service, scopes);
        String refreshToken = principal != null && "true".equalsIgnoreCase(QueryString.first(query, "offline_token"))
                ? p.refreshTokens().issue(principal, service) : null;
        IssuedToken token = grant.token();
        String issuedAt = DateTimeFormatter.ISO_INSTANT.format(token.issuedAt());
        long expiresIn = token.expiresIn(tokens.now());
        if (!plain(token.token()) || !plain(issuedAt) || (refreshToken != null && !plain(refreshToken))) {
            Map<String, Object> body = new LinkedHashMap<>();   // never with our signer and stores; kept correct anyway
            body.put("token", token.token());
            body.put("access_token", token.token());
            body.put("expires_in", expiresIn);
            body.put("issued_at", issuedAt);
            if (refreshToken != null) {
                body.put("refresh_token", refreshToken);
            }
            return json.writeValueAsBytes(body);
        }
        StringBuilder out = new StringBuilder(2 * token.token().length() + 160);
        out.append("{\"token\":\"").append(token.token())
                .append("\",\"access_token\":\"").append(token.token())
                .append("\",\"expires_in\":").append(expiresIn)
                .append(",\"issued_at\":\"").append(issuedAt).append('"');
        if (refreshToken != null) {
            out.append(",\"refresh_token\":\"").append(refreshToken).append('"');
        }
        return out.append('}').toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Characters a JSON string holds as they are: a JWS (base64url and dots), an ISO instant, a hex token. */
    static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':' || c == '+' || c == '/' || c == '=';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static List<Scope> scopes(List<String> values) {
        try {
            return Scopes.parseRequested(values);
        } catch (InvalidScopeException e) {
            throw TokenRequestException.unauthorized(e.getMessage());
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
