package io.portus.catalog.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.portus.common.DbTime;
import io.portus.common.JobLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Applies stored registry events, oldest first, on the one instance holding the {@code registry-events}
 * lease. An event is marked done (applied), ignored (the registry did not confirm it: forged or
 * outdated) or, when the registry or database could not be asked, retried with exponential backoff
 * (capped at 5 minutes) and given up as failed after {@code portus.catalog.events.max-attempts}. Unfinished
 * events are simply pending rows, so a restart picks them up.
 */
@Component
public class EventWorker implements SmartLifecycle {

    static final String LEASE = "registry-events";
    private static final Logger log = LoggerFactory.getLogger(EventWorker.class);
    private static final Duration LEASE_TTL = Duration.ofSeconds(30);

    private final EventStore store;
    private final EventApplier applier;
    private final JobLeases leases;
    private final Duration pollInterval;
    private final int maxAttempts;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    EventWorker(EventStore store, EventApplier applier, JobLeases leases,
                @Value("${portus.catalog.events.poll-interval:1s}") Duration pollInterval,
                @Value("${portus.catalog.events.max-attempts:20}") int maxAttempts) {
        this.store = store;
        this.applier = applier;
        this.leases = leases;
        this.pollInterval = pollInterval;
        this.maxAttempts = maxAttempts;
    }

    /** New events were stored: look at once instead of at the next poll. */
    public void wakeUp() {
        wake.release();
    }

    private void run() {
        while (running) {
            try {
                if (leases.acquire(LEASE, LEASE_TTL)) {
                    drain();
                }
            } catch (RuntimeException e) {
                log.warn("registry event processing paused: {}", e.getMessage());
            }
            try {
                wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void drain() {
        List<EventStore.StoredEvent> batch;
        while (running && !(batch = store.due(50)).isEmpty()) {
            for (EventStore.StoredEvent event : batch) {
                if (!running) {
                    return;
                }
                process(event);
            }
            leases.acquire(LEASE, LEASE_TTL);
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
    public synchronized void start() {
        running = true;
        thread = Thread.ofVirtual().name("registry-event-worker").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            leases.release(LEASE);
        } catch (RuntimeException ignored) {
            // the lease expires on its own
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

}
