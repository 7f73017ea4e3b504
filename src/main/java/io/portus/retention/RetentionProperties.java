package io.portus.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portus.retention.*}: per-namespace retention rules.
 *
 * @param interval how often an enabled policy without its own schedule runs ({@code PORTUS_RETENTION_INTERVAL})
 */
@ConfigurationProperties("portus.retention")
public record RetentionProperties(@DefaultValue("24h") Duration interval) {
}
