package io.portus.auth.token;

import org.springframework.http.HttpStatus;

/**
 * A refused {@code /v2/token} request: 401 (credentials, scopes) or 400 (a request that cannot be read).
 *
 * @see TokenController
 */
final class TokenRequestException extends RuntimeException {

    private final HttpStatus status;
    private final String oauthError;

    private TokenRequestException(HttpStatus status, String oauthError, String message) {
        super(message, null, false, false);
        this.status = status;
        this.oauthError = oauthError;
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
