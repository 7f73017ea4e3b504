package io.portus.storage;

import java.io.IOException;

/**
 * The storage backend cannot serve now (after the driver's own retries): throttled, 503, or not
 * reachable. The registry answers 503 {@code UNAVAILABLE} with {@code Retry-After}; the message names
 * the operation and the backend's status, never keys, URLs or credentials.
 */
public class StorageUnavailableException extends IOException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
