package io.portus.catalog.internal;

/** The registry could not be asked (unreachable, 5xx, timeout): try the same work again later. */
public class RetryableException extends RuntimeException {

    public RetryableException(String message) {
        super(message, null, false, false);
    }

    public RetryableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
