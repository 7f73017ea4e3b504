package io.portus.storage;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the storage answers: a cheap probe (a stat of the root: on S3 one list of at most a few keys),
 * bounded by a timeout and cached for a few seconds, so health endpoints polled by load balancers cost the
 * store almost nothing. Used by {@code /debug/health}, {@code /api/v1/health} and the readiness probe.
 */
public final class StorageHealth implements AutoCloseable {

    /** The outcome of a probe; {@code message} names the driver and, when down, what failed (no secrets). */
    public record Status(boolean up, String message) {
    }

    private final BlobStore store;
    private final Duration cacheFor;
    private final Duration timeout;
    private final Clock clock;
    private final ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor();
    private Status last;
    private Instant lastAt = Instant.MIN;

    public StorageHealth(BlobStore store, Duration cacheFor, Duration timeout, Clock clock) {
        this.store = store;
        this.cacheFor = cacheFor;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The cached status, or a new probe when it is older than the cache time. */
    public synchronized Status check() {
        Instant now = clock.instant();
        if (last != null && now.isBefore(lastAt.plus(cacheFor))) {
            return last;
        }
        last = probe();
        lastAt = clock.instant();
        return last;
    }

    private Status probe() {
        Future<?> f = probes.submit(() -> store.stat("/"));
        try {
            f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Status(true, "storage (" + store.name() + ") is reachable");
        } catch (TimeoutException e) {
            f.cancel(true);
            return new Status(false, "storage (" + store.name() + ") did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof IOException && cause.getMessage() != null ? cause.getMessage()
                    : cause.getClass().getSimpleName();
            return new Status(false, "storage (" + store.name() + ") is unavailable: " + why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Status(false, "storage (" + store.name() + ") check interrupted");
        }
    }

    @Override
    public void close() {
        probes.shutdownNow();
    }
}
