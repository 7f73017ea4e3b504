package io.portus.api;

/** No or an invalid {@code Portus-Auth} header: 401. */
class ApiAuthenticationException extends RuntimeException {

    ApiAuthenticationException() {
        super("Authentication fails.", null, false, false);
    }
}
