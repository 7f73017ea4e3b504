package io.portus.api;

import java.time.Duration;

/** Too many failed authentications from the client's address: 429 with {@code Retry-After}. */
class ApiThrottledException extends RuntimeException {

    private final transient Duration retryAfter;

    ApiThrottledException(Duration retryAfter) {
        super("Too many failed authentications from this address. Retry later.", null, false, false);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
