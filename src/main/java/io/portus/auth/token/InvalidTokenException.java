package io.portus.auth.token;

/** A presented token that failed verification; the message says why (safe to show to the client). */
final class InvalidTokenException extends Exception {

    InvalidTokenException(String message) {
        super(message, null, false, false);
    }
}
