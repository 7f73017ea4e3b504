package io.portus.registry.internal;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.portus.registry.event.RegistryEvent;
import io.portus.registry.event.RegistryEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Delivers events to every {@link RegistryEventListener} bean from one virtual thread. Publishing never
 * blocks and never fails a request: the queue is bounded and, when full, an event is dropped, counted
 * and reported by a warning at most once a minute. Starts before the web server and stops after it,
 * delivering what is still queued.
 */
final class AsyncEventDispatcher implements Consumer<RegistryEvent>, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AsyncEventDispatcher.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final BlockingQueue<RegistryEvent> queue;
    private final ObjectProvider<RegistryEventListener> listenerProvider;
    private final RegistryMetrics metrics;
    private final AtomicLong lastWarn = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private volatile List<RegistryEventListener> listeners = List.of();
    private volatile boolean running;
    private Thread thread;

    AsyncEventDispatcher(int capacity, ObjectProvider<RegistryEventListener> listenerProvider, RegistryMetrics metrics) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.listenerProvider = listenerProvider;
        this.metrics = metrics;
    }

    @Override
    public void accept(RegistryEvent event) {
        if (queue.offer(event)) {
            return;
        }
        metrics.eventDropped();
        long now = System.nanoTime();
        long last = lastWarn.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarn.compareAndSet(last, now)) {
            log.warn("registry event queue is full ({} events): listeners are too slow, dropping events"
                    + " (see metric portus.registry.events.dropped)", queue.size());
        }
    }

    @Override
    public synchronized void start() {
        listeners = listenerProvider.orderedStream().toList();
        running = true;
        thread = Thread.ofVirtual().name("registry-events").start(this::run);
    }

    @Override
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

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server (which starts at DEFAULT_PHASE - 1024), so it stops after it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            RegistryEvent event;
            try {
                event = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (event != null) {
                deliver(event);
            }
        }
    }

    private void deliver(RegistryEvent event) {
        for (RegistryEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("registry event listener {} failed on event {}", listener.getClass().getName(), event.id(), e);
            }
        }
    }
}
