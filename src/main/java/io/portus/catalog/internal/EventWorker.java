package io.portus.catalog.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.portus.common.DbTime;
import io.portus.common.JobLeases;
import io.portus.common.LeasedLoop;
import io.portus.common.LoopOwner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies stored registry events, oldest first, on the one instance holding the {@code registry-events}
 * lease. An event is marked done (applied), ignored (the registry did not confirm it: forged or
 * outdated) or, when the registry or database could not be asked, retried with exponential backoff
 * (capped at 5 minutes) and given up as failed after {@code portus.catalog.events.max-attempts}. Unfinished
 * events are simply pending rows, so a restart picks them up. Finished rows are kept for
 * {@code portus.catalog.events.keep} (7 days), then deleted.
 */
@Component
public class EventWorker extends LoopOwner {

    static final String LEASE = "registry-events";
    private static final Logger log = LoggerFactory.getLogger(EventWorker.class);
    private static final Duration LEASE_TTL = Duration.ofSeconds(30);

    private final EventStore store;
    private final EventApplier applier;
    private final int maxAttempts;
    private final Duration keep;
    private final LeasedLoop loop;
    private long nextPurge;

    EventWorker(EventStore store, EventApplier applier, JobLeases leases,
                CatalogProperties properties) {
        Duration pollInterval = properties.events().pollInterval();
        this.keep = properties.events().keep();
        this.store = store;
        this.applier = applier;
        this.maxAttempts = properties.events().maxAttempts();
        this.loop = new LeasedLoop(new LeasedLoop.Settings("registry-event-worker", LEASE, LEASE_TTL, pollInterval,
                Duration.ofSeconds(15)), leases, () -> {
                    drain();
                    purgeOld();
                    return pollInterval;
                }, e -> log.warn("registry event processing paused: {}", e.getMessage()));
    }

    /** New events were stored: look at once instead of at the next poll. */
    public void wakeUp() {
        loop.wakeUp();
    }

    /** Once an hour, forget finished events older than {@code portus.catalog.events.keep} (Portus #2202). */
    private void purgeOld() {
        if (System.nanoTime() - nextPurge < 0) {
            return;
        }
        nextPurge = System.nanoTime() + TimeUnit.HOURS.toNanos(1);
        int purged = store.purge(DbTime.now().minus(keep));
        if (purged > 0) {
            log.info("forgot {} registry events finished more than {} ago", purged, keep);
        }
    }

    private void drain() {
        List<EventStore.StoredEvent> batch;
        while (loop.isRunning() && !(batch = store.due(50)).isEmpty()) {
            for (EventStore.StoredEvent event : batch) {
                if (!loop.isRunning()) {
                    return;
                }
                process(event);
            }
            loop.renewLease();
        }
    }

    private void process(EventStore.StoredEvent event) {
        EventApplier.Outcome outcome;
        try {
            outcome = applier.apply(event);
        } catch (RetryableException | org.springframework.dao.DataAccessException e) {
            int attempts = event.attempts() + 1;
            if (attempts >= maxAttempts) {
                log.warn("registry event {} ({} {}) given up after {} attempts: {}", event.eventId(), event.action(),
                        event.id(), attempts, e.getMessage());
                store.finish(event.id(), EventStore.FAILED, e.getMessage());
                return;
            }
            long seconds = Math.min(300, 1L << Math.min(attempts, 9));
            log.info("registry event {} will be retried in {} s: {}", event.eventId(), seconds, e.getMessage());
            store.retryLater(event.id(), attempts, DbTime.now().plusSeconds(seconds), e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.warn("registry event {} cannot be applied: {}", event.eventId(), e.toString());
            store.finish(event.id(), EventStore.FAILED, e.toString());
            return;
        }
        if (outcome.applied()) {
            store.finish(event.id(), EventStore.DONE, null);
        } else {
            log.info("registry event {} ({}) ignored: {}", event.eventId(), event.action(), outcome.note());
            store.finish(event.id(), EventStore.IGNORED, outcome.note());
        }
    }

    @Override
    protected LeasedLoop loop() {
        return loop;
    }
}
