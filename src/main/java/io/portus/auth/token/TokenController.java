package io.portus.auth.token;

import io.portus.auth.Principal;
import io.portus.auth.authn.RefreshTokenStore;
import io.portus.auth.scope.InvalidScopeException;
import io.portus.auth.scope.Scope;
import io.portus.auth.scope.Scopes;
import io.portus.auth.throttle.AuthThrottle;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code POST /v2/token}: the OAuth2 form of the token endpoint (docs/compatibility.md#oauth2-token-endpoint);
 * the GET with Basic credentials (docs/compatibility.md#token-endpoint) is {@link TokenGetFilter}. Refusals
 * are 401 with {@code WWW-Authenticate: Basic} and a short JSON error, or 429 with {@code Retry-After} for a
 * throttled address. Both forms' bodies are written by {@link TokenResponses}.
 */
@RestController
final class TokenController {

    private static final Logger log = LoggerFactory.getLogger(TokenController.class);
    static final String BASIC_CHALLENGE = "Basic realm=\"Portus\"";

    private final Credentials credentials;
    private final TokenService tokens;
    private final RefreshTokenStore refreshTokens;
    TokenController(Credentials credentials, TokenService tokens, RefreshTokenStore refreshTokens) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
    }

    @PostMapping(path = "/v2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> post(HttpServletRequest request) {
        String service = required(request, "service");
        required(request, "client_id");
        String grantType = required(request, "grant_type");
        Principal principal;
        String refreshToken = null;
        switch (grantType) {
            case "password" -> principal = credentials.authenticate(required(request, "username"),
                    required(request, "password"), request.getRemoteAddr());
            case "refresh_token" -> {
                refreshToken = required(request, "refresh_token");
                credentials.notThrottled(request.getRemoteAddr());
                principal = refreshTokens.redeem(refreshToken, service, request.getRemoteAddr()).orElseThrow(
                        () -> credentials.refused(request.getRemoteAddr(), "invalid or revoked refresh token"));
            }
            default -> throw TokenRequestException.badRequest("unsupported_grant_type",
                    "grant_type must be password or refresh_token");
        }
        String scope = request.getParameter("scope");
        TokenService.Grant grant = tokens.grant(principal, service, scopes(scope == null ? List.of() : List.of(scope)));
        if (refreshToken == null && "offline".equals(request.getParameter("access_type"))) {
            refreshToken = refreshTokens.issue(principal, service);
        }
        String granted = grant.access() == null ? "" : Scopes.formatAll(grant.access());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(TokenResponses.issued(grant.token(), tokens.now(), granted, refreshToken));
    }

    @ExceptionHandler(TokenRequestException.class)
    ResponseEntity<byte[]> refused(TokenRequestException e, HttpServletRequest request) {
        log.debug("/v2/token refused ({}): {}", e.status().value(), e.getMessage());
        byte[] body = TokenResponses.refused(e, "POST".equals(request.getMethod()));
        var response = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (e.status().value() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
        }
        if (e.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, AuthThrottle.retryAfter(e.retryAfter()));
        }
        return response.body(body);
    }

    static List<Scope> scopes(List<String> values) {
        try {
            return Scopes.parseRequested(values);
        } catch (InvalidScopeException e) {
            throw TokenRequestException.unauthorized(e.getMessage());
        }
    }

    private static String required(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isEmpty()) {
            throw TokenRequestException.badRequest("invalid_request", name + " is required");
        }
        return value;
    }

}
