package io.portus.gc.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs storage work of the collector a few at a time on virtual threads: each task mostly waits (a directory read,
 * an fsync, an S3 round trip), so a handful in flight keeps the disk or the bucket busy without flooding it.
 */
final class Parallel {

    /** Tasks in flight at once. */
    static final int WIDTH = 8;

    private Parallel() {
    }

    /** Runs every task, {@value #WIDTH} at a time; the first failure is rethrown once all are done. */
    static void runAll(List<Callable<Void>> tasks) throws IOException {
        if (tasks.isEmpty()) {
            return;
        }
        Semaphore slots = new Semaphore(WIDTH);
        IOException failure = null;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Void>> futures = new ArrayList<>(tasks.size());
            for (Callable<Void> task : tasks) {
                futures.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        return task.call();
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<Void> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while collecting");
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
