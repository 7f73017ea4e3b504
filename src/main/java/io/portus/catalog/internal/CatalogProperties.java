package io.portus.catalog.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code portus.catalog.*}: registry events in, and the sync with the registries' catalogs. */
@ConfigurationProperties("portus.catalog")
record CatalogProperties(@DefaultValue Events events, @DefaultValue Sync sync) {

    /**
     * @param pollInterval how often stored registry events are looked at (new ones are applied at once anyway)
     * @param maxAttempts  attempts (exponential backoff, at most 5 min apart) before an event is given up
     * @param keep         how long finished events are kept
     */
    record Events(@DefaultValue("1s") Duration pollInterval, @DefaultValue("20") int maxAttempts,
                  @DefaultValue("7d") Duration keep) {
    }

    /**
     * @param enabled  reconcile the catalog with every registry ({@code PORTUS_BACKGROUND_SYNC_ENABLED})
     * @param onStart  also right after start-up
     * @param interval how often; 0 = only at start-up
     */
    record Sync(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean onStart,
                @DefaultValue("10m") Duration interval) {
    }
}
