package io.portus.common;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A bounded in-memory queue handled in order by one platform (daemon) thread, so that whoever adds items (a
 * request thread, the registry's event dispatcher) never waits for the slow part. Not a virtual thread: a
 * virtual consumer woken by each offer is queued on the waking request's carrier ahead of new requests,
 * and under load that starved some connections (manifest GET p99 at 64 connections: 112–515 ms with a
 * virtual consumer, 32–78 ms with this one). {@link #offer} never blocks: it
 * says false when the queue is full. An item whose handler throws is tried again after 0.5 s, 1 s, 2 s...
 * (at most 30 s) until it succeeds or the queue is stopped. {@link #stop()} lets the thread finish what is
 * queued, waiting up to 10 s.
 *
 * @param <T> the items
 */
public final class BackgroundQueue<T> {

    /** Told about each failed attempt, with the pause before the next. */
    @FunctionalInterface
    public interface Failures<T> {
        void retrying(T item, RuntimeException error, long retryInMillis);
    }

    private static final long FIRST_RETRY_MILLIS = 500;
    private static final long MAX_RETRY_MILLIS = 30_000;

    private final String threadName;
    private final BlockingQueue<T> queue;
    private final Consumer<T> handler;
    private final Failures<T> failures;
    private volatile boolean running;
    private Thread thread;

    public BackgroundQueue(String threadName, int capacity, Consumer<T> handler, Failures<T> failures) {
        this.threadName = threadName;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.handler = handler;
        this.failures = failures;
    }

    /** Queues {@code item}; false (and nothing queued) when the queue is full. */
    public boolean offer(T item) {
        return queue.offer(item);
    }

    /** How many items wait. */
    public int size() {
        return queue.size();
    }

    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().daemon(true).name(threadName).start(this::run);
    }

    public void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return running;
    }

    private void run() {
        long backoff = FIRST_RETRY_MILLIS;
        while (running || !queue.isEmpty()) {
            T item;
            try {
                item = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            while (item != null) {
                try {
                    handler.accept(item);
                    backoff = FIRST_RETRY_MILLIS;
                    item = null;
                } catch (RuntimeException e) {
                    failures.retrying(item, e, backoff);
                    if (!pause(backoff)) {
                        return;
                    }
                    backoff = Math.min(backoff * 2, MAX_RETRY_MILLIS);
                }
            }
        }
    }

    /** Sleeps; false when the queue was stopped (or the thread interrupted) meanwhile. */
    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
