package io.portus.rules.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portus.rules.*}: immutable tags and quotas.
 *
 * @param usageRecountInterval how often every namespace's usage is recounted from the built-in registry's storage
 *                             (after start-up, then at this interval; 0 = never), on one instance
 */
@ConfigurationProperties("portus.rules")
record RulesProperties(@DefaultValue("6h") Duration usageRecountInterval) {
}
