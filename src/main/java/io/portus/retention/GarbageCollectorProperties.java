package io.portus.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portus.delete.garbage-collector.*}: Portus's {@code delete.garbage_collector} (automatic tag expiry).
 *
 * @param enabled    {@code PORTUS_DELETE_GARBAGE_COLLECTOR_ENABLED}; also needs {@code portus.delete.enabled}
 * @param olderThan  days: tags pushed and pulled longer ago go ({@code _OLDER_THAN})
 * @param keepLatest the newest tags of EACH repository that always stay ({@code _KEEP_LATEST}; Portus counted
 *                   all tags of all repositories, #2330)
 * @param tag        a regular expression: only matching tag names may go; empty = all ({@code _TAG})
 * @param interval   how often it looks, and how often due retention policies are run ({@code _INTERVAL},
 *                   Portus's 60 s)
 */
@ConfigurationProperties("portus.delete.garbage-collector")
public record GarbageCollectorProperties(@DefaultValue("false") boolean enabled, @DefaultValue("30") int olderThan,
                                         @DefaultValue("5") int keepLatest, @DefaultValue("") String tag,
                                         @DefaultValue("60s") Duration interval) {
}
