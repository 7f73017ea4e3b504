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

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v2/token}: the OAuth2 form of the token endpoint (docs/compatibility.md#oauth2-token-endpoint);
 * the GET with Basic credentials (docs/compatibility.md#token-endpoint) is {@link TokenGetFilter}. Refusals
 * are 401 with {@code WWW-Authenticate: Basic} and a short JSON error, or 429 with {@code Retry-After} for a
 * throttled address.
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
    ResponseEntity<Map<String, Object>> post(HttpServletRequest request) {
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
                principal = refreshTokens.redeem(refreshToken, service).orElseThrow(
                        () -> credentials.refused(request.getRemoteAddr(), "invalid or revoked refresh token"));
            }
            default -> throw TokenRequestException.badRequest("unsupported_grant_type",
                    "grant_type must be password or refresh_token");
        }
        String scope = request.getParameter("scope");
        TokenService.Grant grant = tokens.grant(principal, service, scopes(scope == null ? List.of() : List.of(scope)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", grant.token().token());
        body.put("scope", grant.access() == null ? "" : Scopes.formatAll(grant.access()));
        putTimes(body, grant.token());
        if (refreshToken == null && "offline".equals(request.getParameter("access_type"))) {
            refreshToken = refreshTokens.issue(principal, service);
        }
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        return ok(body);
    }

    @ExceptionHandler(TokenRequestException.class)
    ResponseEntity<Map<String, Object>> refused(TokenRequestException e, HttpServletRequest request) {
        log.debug("/v2/token refused ({}): {}", e.status().value(), e.getMessage());
        Map<String, Object> body = errorBody(e, "POST".equals(request.getMethod()));
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

    /**
     * The OAuth2 error of the POST form, the registry-style {@code errors} list of the GET; a throttled client
     * gets the registry's {@code TOOMANYREQUESTS} on both (docker reads that code from either form).
     */
    static Map<String, Object> errorBody(TokenRequestException e, boolean post) {
        if (e.retryAfter() != null) {
            return Map.of("errors", List.of(Map.of("code", "TOOMANYREQUESTS", "message", e.getMessage(),
                    "detail", Map.of("retry_after_seconds", Long.parseLong(AuthThrottle.retryAfter(e.retryAfter()))))));
        }
        return post
                ? Map.of("error", e.oauthError(), "error_description", e.getMessage())
                : Map.of("errors", List.of(Map.of("code", e.status().value() == 401 ? "UNAUTHORIZED" : "INVALID_REQUEST",
                        "message", e.getMessage())));
    }

    static List<Scope> scopes(List<String> values) {
        try {
            return Scopes.parseRequested(values);
        } catch (InvalidScopeException e) {
            throw TokenRequestException.unauthorized(e.getMessage());
        }
    }

    private void putTimes(Map<String, Object> body, IssuedToken token) {
        body.put("expires_in", token.expiresIn(tokens.now()));
        body.put("issued_at", DateTimeFormatter.ISO_INSTANT.format(token.issuedAt()));
    }

    private static ResponseEntity<Map<String, Object>> ok(Map<String, Object> body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }

    private static String required(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isEmpty()) {
            throw TokenRequestException.badRequest("invalid_request", name + " is required");
        }
        return value;
    }

}
