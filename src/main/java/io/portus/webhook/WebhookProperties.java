package io.portus.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portus.webhooks.*}.
 *
 * @param secret      shared secret external registries send to {@code POST /v2/webhooks/events} as
 *                    {@code Authorization: Bearer <secret>} ({@code PORTUS_WEBHOOKS_SECRET}); blank = events are
 *                    accepted unauthenticated
 * @param timeout     request timeout of a namespace webhook delivery
 * @param maxAttempts attempts per delivery
 * @param retryDelay  first retry delay (doubles with each attempt)
 */
@ConfigurationProperties("portus.webhooks")
public record WebhookProperties(@DefaultValue("") String secret, @DefaultValue("60s") Duration timeout,
                                @DefaultValue("5") int maxAttempts, @DefaultValue("10s") Duration retryDelay) {

    /** Without the secret. */
    @Override
    public String toString() {
        return "WebhookProperties[timeout=" + timeout + ", maxAttempts=" + maxAttempts + ", retryDelay=" + retryDelay + "]";
    }
}
