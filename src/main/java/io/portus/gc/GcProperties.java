package io.portus.gc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code portus.gc.*} settings (application.yml maps the environment variables).
 *
 * @param schedule       cron expression (Spring's six fields: second minute hour day month weekday) of scheduled
 *                       collections; empty = none
 * @param gracePeriod    content touched or written less than this before a run starts is never deleted by it
 * @param deleteUntagged remove manifests no tag, tagged index or kept referrer subject keeps
 * @param deletionWait   how long a push waits for the collector to finish with a digest before it is answered
 *                       503 with {@code Retry-After}
 */
@ConfigurationProperties("portus.gc")
public record GcProperties(
        @DefaultValue("") String schedule,
        @DefaultValue("1h") Duration gracePeriod,
        @DefaultValue("true") boolean deleteUntagged,
        @DefaultValue("10s") Duration deletionWait) {
}
