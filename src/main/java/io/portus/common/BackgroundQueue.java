package io.portus.common;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A bounded in-memory queue handled in order by one platform (daemon) thread, so that whoever adds items (a
 * request thread, the registry's event dispatcher) never waits for the slow part. Not a virtual thread: a
 * virtual consumer woken by each offer is queued on the waking request's carrier ahead of new requests,
 * and under load that starved some connections (manifest GET p99 at 64 connections: 112–515 ms with a
 * virtual consumer, 32–78 ms with this one). {@link #offer} never blocks: it
 * says false when the queue is full. An item whose handler throws is tried again after 0.5 s, 1 s, 2 s...
 * (at most 30 s) until it succeeds. {@link #stop(Duration)} lets the thread finish what is queued, retrying
 * failures, for up to the time it is given ({@code portus.shutdown.queue-wait} for the queues of a
 * {@link QueueOwner}); what is still queued then is reported as lost (by count, at ERROR).
 * The thread's log lines never carry a request's MDC (it is cleared before each item).
 *
 * @param <T> the items
 */
public final class BackgroundQueue<T> {

    /** Told about each failed attempt, with the pause before the next. */
    @FunctionalInterface
    public interface Failures<T> {
        void retrying(T item, RuntimeException error, long retryInMillis);
    }

    /** How long {@link #stop()} lets the thread work off (and retry) what is queued. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final long FIRST_RETRY_MILLIS = 500;
    private static final Logger log = LoggerFactory.getLogger(BackgroundQueue.class);
    private static final long MAX_RETRY_MILLIS = 30_000;

    private final String threadName;
    private final BlockingQueue<T> queue;
    private final Consumer<T> handler;
    private final Failures<T> failures;
    private volatile boolean running;
    private volatile long stopDeadline;
    /** 1 when the thread gave up on the item in hand at the end of the stop wait. */
    private volatile int abandoned;
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

    /** {@link #stop(Duration)} with {@link #STOP_WAIT}. */
    public void stop() {
        stop(STOP_WAIT);
    }

    /** Stops taking new work and lets the thread finish (and retry) what is queued for up to {@code wait}. */
    public void stop(Duration wait) {
        long waitMillis = Math.max(0, wait.toMillis());
        Thread t;
        synchronized (this) {
            stopDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
            running = false;
            t = thread;
        }
        if (t != null) {
            LockSupport.unpark(t); // out of a retry pause: try once more now
            try {
                t.join(waitMillis + 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int left = queue.size() + abandoned + (t != null && t.isAlive() ? 1 : 0);
        if (left > 0) {
            log.error("{}: {} queued item(s) not handled within {} ms of shutdown", threadName, left, waitMillis);
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
                MDC.clear();
                try {
                    handler.accept(item);
                    backoff = FIRST_RETRY_MILLIS;
                    item = null;
                } catch (RuntimeException e) {
                    failures.retrying(item, e, backoff);
                    if (!pause(backoff)) {
                        abandoned = 1;
                        return;
                    }
                    backoff = Math.min(backoff * 2, MAX_RETRY_MILLIS);
                }
            }
        }
    }

    /** Pauses (until {@link #stop()} wakes it); false when the queue was stopped and its stop wait is over. */
    private boolean pause(long millis) {
        long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
        LockSupport.parkNanos(running ? nanos : Math.min(nanos, stopDeadline - System.nanoTime()));
        return !Thread.currentThread().isInterrupted() && (running || System.nanoTime() - stopDeadline < 0);
    }
}
