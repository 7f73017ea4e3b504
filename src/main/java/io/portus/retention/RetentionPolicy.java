package io.portus.retention;

import java.time.Instant;
import java.util.List;

/**
 * A namespace's retention rules. With no rule nothing is ever deleted; with rules, a tag is kept when ANY
 * rule keeps it (Harbor's union) and every other tag of the namespace is deleted.
 *
 * @param enabled       whether the schedule runs it (a dry run and an explicit run work either way)
 * @param intervalHours the namespace's schedule; null = {@code portus.retention.interval}
 * @param lastRunAt     the last scheduled or explicit run, null before the first
 */
public record RetentionPolicy(long namespaceId, boolean enabled, Integer intervalHours, List<RetentionRule> rules,
                              Instant lastRunAt) {

    public static final int MAX_RULES = 15;
    public static final int MAX_INTERVAL_HOURS = 8760;

    public static RetentionPolicy none(long namespaceId) {
        return new RetentionPolicy(namespaceId, false, null, List.of(), null);
    }
}
