package io.portus.auth.throttle;

import java.time.Duration;
import java.util.Optional;

/**
 * Brute-force protection per client address, shared by every instance: failed authentications on
 * {@code /v2/token}, the UI's sign-in form, the API's {@code Portus-Auth} and the actuator are counted per
 * address (IPv6: per /64) in the database; at {@code portus.security.auth-throttle.max-failures-per-minute}
 * within a minute the address is refused with 429 and {@code Retry-After} until enough of those failures are
 * a minute old, good credentials included (as Harbor and GitLab do). The per-user lockout of the account
 * module is independent of this.
 *
 * <p>Successful authentications cost nothing here: {@link #throttled} reads memory only, and only failures
 * write (and read) the database. An instance learns that another one throttled an address on that address'
 * next failure there.
 */
public interface AuthThrottle {

    /** Off: never throttles (also the stand-in where no throttle is configured). */
    AuthThrottle NONE = new AuthThrottle() {
        @Override
        public Optional<Duration> throttled(String address) {
            return Optional.empty();
        }

        @Override
        public Optional<Duration> failed(String address) {
            return Optional.empty();
        }
    };

    /** How long {@code address} must still wait, when it is throttled (known to this instance; no database access). */
    Optional<Duration> throttled(String address);

    /** Records a failed authentication from {@code address}; how long it must wait when it is now throttled. */
    Optional<Duration> failed(String address);

    /** The {@code Retry-After} value: whole seconds, rounded up, at least 1. */
    static String retryAfter(Duration wait) {
        long seconds = (wait.toMillis() + 999) / 1000;
        return Long.toString(Math.max(1, seconds));
    }
}
