package io.portus.auth.token;

import org.springframework.http.HttpStatus;

import java.time.Duration;

/**
 * A refused {@code /v2/token} request: 401 (credentials, scopes), 400 (a request that cannot be read) or 429 (too
 * many failed authentications from the client's address; {@link #retryAfter()} says for how long).
 *
 * @see TokenController
 */
final class TokenRequestException extends RuntimeException {

    private final HttpStatus status;
    private final String oauthError;
    private final Duration retryAfter;

    private TokenRequestException(HttpStatus status, String oauthError, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.oauthError = oauthError;
        this.retryAfter = retryAfter;
    }

    private TokenRequestException(HttpStatus status, String oauthError, String message) {
        this(status, oauthError, message, null);
    }

    static TokenRequestException tooManyRequests(Duration retryAfter) {
        return new TokenRequestException(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests",
                "too many failed authentications from this address; retry later", retryAfter);
    }

    /** How long a throttled client must wait (429 only), else null. */
    Duration retryAfter() {
        return retryAfter;
    }

    static TokenRequestException unauthorized(String message) {
        return new TokenRequestException(HttpStatus.UNAUTHORIZED, "invalid_grant", message);
    }

    static TokenRequestException badRequest(String oauthError, String message) {
        return new TokenRequestException(HttpStatus.BAD_REQUEST, oauthError, message);
    }

    HttpStatus status() {
        return status;
    }

    /** The RFC 6749 error code for the OAuth2 form. */
    String oauthError() {
        return oauthError;
    }
}
