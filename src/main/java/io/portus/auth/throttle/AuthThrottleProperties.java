package io.portus.auth.throttle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portus.security.auth-throttle.*}.
 *
 * @param maxFailuresPerMinute failed authentications one client address may make within a minute before it
 *                             gets 429 ({@code 0} turns the throttle off)
 * @param cacheSize            addresses this instance remembers as throttled (a bounded in-memory front of the
 *                             database)
 */
@ConfigurationProperties("portus.security.auth-throttle")
public record AuthThrottleProperties(@DefaultValue("30") int maxFailuresPerMinute,
                                     @DefaultValue("100000") int cacheSize) {

    public AuthThrottleProperties {
        if (maxFailuresPerMinute < 0) {
            throw new IllegalArgumentException("portus.security.auth-throttle.max-failures-per-minute must not be negative");
        }
        if (cacheSize < 1) {
            throw new IllegalArgumentException("portus.security.auth-throttle.cache-size must be positive");
        }
    }
}
