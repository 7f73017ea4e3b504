package io.portus.gc.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import io.portus.common.ConflictException;
import io.portus.common.JobLeases;
import io.portus.gc.GcProperties;
import io.portus.gc.GcRun;
import io.portus.gc.GcRunFinished;
import io.portus.storage.BlobStore;
import io.portus.storage.RegistryStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Starts collections: one at a time across instances (the {@code gc} lease of {@link JobLeases}, held for the
 * whole run and renewed as it goes), each on its own virtual thread, with its progress in {@code gc_runs}.
 * The new lease holder first fails the runs a dead instance left "running" and clears its deletion rows.
 */
public final class GcRunner {

    static final String LEASE = "gc";
    static final Duration LEASE_TTL = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(GcRunner.class);

    private final BlobStore store;
    private final RegistryStorage storage;
    private final DbCoordination coordination;
    private final GcRuns runs;
    private final JobLeases leases;
    private final GcProperties properties;
    private final GcMetrics metrics;
    private final ApplicationEventPublisher events;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile CollectorHooks hooks = CollectorHooks.NONE;

    GcRunner(BlobStore store, RegistryStorage storage, DbCoordination coordination, GcRuns runs, JobLeases leases,
             GcProperties properties, GcMetrics metrics, ApplicationEventPublisher events) {
        this.store = store;
        this.storage = storage;
        this.coordination = coordination;
        this.runs = runs;
        this.leases = leases;
        this.properties = properties;
        this.metrics = metrics;
        this.events = events;
    }

    /** Starts a collection in the background; 409 ({@link ConflictException}) when one runs on any instance. */
    public GcRun start(boolean dryRun, Long actorId, String actorName) {
        if (!busy.compareAndSet(false, true) && !awaitIdle()) {
            throw conflict();
        }
        boolean started = false;
        try {
            if (!leases.acquire(LEASE, LEASE_TTL)) {
                throw conflict();
            }
            int abandoned = runs.failAbandoned();
            int stale = coordination.clearDeletions();
            if (abandoned + stale > 0) {
                log.warn("garbage collection: {} run(s) of a stopped instance marked failed, {} deletion row(s) cleared",
                        abandoned, stale);
            }
            long id = runs.insert(dryRun, actorName, leases.holder());
            Thread.ofVirtual().name("gc-" + id).start(() -> execute(id, dryRun, actorId, actorName));
            started = true;
            return runs.find(id).orElseThrow();
        } finally {
            if (!started) {
                busy.set(false);
                leases.release(LEASE);
            }
        }
    }

    /** True while this instance runs a collection. */
    /**
     * Whether this instance's flag could be taken after all: a run already recorded as ended may still be leaving
     * (its metrics, its lease) for a moment, and a client that saw "done" must be able to start the next one.
     */
    private boolean awaitIdle() {
        if (!runs.runningIds().isEmpty()) {
            return false;
        }
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (busy.compareAndSet(false, true)) {
                return true;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    public boolean busy() {
        return busy.get();
    }

    void hooks(CollectorHooks hooks) {
        this.hooks = hooks;
    }

    private ConflictException conflict() {
        return new ConflictException("a garbage collection is already running", "runs",
                runs.runningIds().stream().map(String::valueOf).toList());
    }

    private void execute(long id, boolean dryRun, Long actorId, String actorName) {
        long t0 = System.nanoTime();
        RunProgress progress = new RunProgress(id);
        String state = GcRun.DONE;
        String error = null;
        try {
            Instant cutoff = new Collector(store, storage, coordination, hooks).collect(
                    new Collector.Settings(id, dryRun, properties.deleteUntagged(), properties.gracePeriod()), progress);
            runs.progress(id, progress);
            if (!dryRun) {
                coordination.pruneTouches(cutoff);
            }
        } catch (IOException | RuntimeException e) {
            state = GcRun.FAILED;
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.warn("garbage collection {} failed: {}", id, e.toString());
        } finally {
            finish(id, state, error, dryRun, progress, Duration.ofNanos(System.nanoTime() - t0), actorId, actorName);
        }
    }

    private void finish(long id, String state, String error, boolean dryRun, Progress progress, Duration took,
                        Long actorId, String actorName) {
        try {
            runs.finish(id, state, error);
            metrics.record(state, dryRun, progress, took);
            log.info("garbage collection {} {}{} in {} ms: {} manifests, {} blobs, {} bytes{}", id, state,
                    dryRun ? " (dry run)" : "", took.toMillis(), progress.manifestsDeleted.get(),
                    progress.blobsDeleted.get(), progress.bytesFreed.get(), dryRun ? " would be deleted" : " deleted");
        } catch (RuntimeException e) {
            log.warn("garbage collection {}: recording the end failed: {}", id, e.toString());
        } finally {
            busy.set(false);
            try {
                leases.release(LEASE);
            } catch (RuntimeException ignored) {
                // expires on its own
            }
        }
        // after the run is free again: the listeners (activity, quota usage given back) may take a while, and a
        // client that saw "done" may start the next run at once
        try {
            runs.find(id).ifPresent(run -> events.publishEvent(new GcRunFinished(run, actorId, actorName)));
        } catch (RuntimeException e) {
            log.warn("garbage collection {}: a listener of its end failed: {}", id, e.toString());
        }
    }

    /** Stores progress every second and renews the lease every 30 s; a lost lease stops the run. */
    private final class RunProgress extends Progress {

        private final long id;
        private long flushed = System.nanoTime();
        private long renewed = System.nanoTime();

        RunProgress(long id) {
            this.id = id;
        }

        /** The lease, renewed right before deleting: a run paused past its lease (another run took over) stops. */
        @Override
        synchronized void beforeDeletions() {
            renewed = System.nanoTime();
            if (!leases.acquire(LEASE, LEASE_TTL)) {
                throw new IllegalStateException("lost the garbage collection lease to another instance");
            }
        }

        @Override
        synchronized void tick() {
            long now = System.nanoTime();
            if (now - flushed > 1_000_000_000L) {
                flushed = now;
                runs.progress(id, this);
            }
            if (now - renewed > 30_000_000_000L) {
                renewed = now;
                if (!leases.acquire(LEASE, LEASE_TTL)) {
                    throw new IllegalStateException("lost the garbage collection lease to another instance");
                }
            }
        }
    }
}
