package io.portus.registry.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.portus.common.BackgroundQueue;
import io.portus.registry.event.RegistryEvent;
import io.portus.registry.event.RegistryEventJournal;
import io.portus.registry.event.RegistryEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Hands each event first to every {@link RegistryEventJournal} bean, on the caller's (request's) thread, so it
 * is stored before the request is answered; then delivers it to every {@link RegistryEventListener} bean from
 * one background thread. Publishing never
 * blocks and never fails a request: the queue is bounded and, when full, an event is dropped, counted
 * and reported by a warning at most once a minute. Starts before the web server and stops after it,
 * delivering what is still queued.
 */
final class AsyncEventDispatcher implements Consumer<RegistryEvent>, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AsyncEventDispatcher.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final BackgroundQueue<RegistryEvent> queue;
    private final ObjectProvider<RegistryEventListener> listenerProvider;
    private final ObjectProvider<RegistryEventJournal> journalProvider;
    private final RegistryMetrics metrics;
    private final AtomicLong lastWarn = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private volatile List<RegistryEventListener> listeners = List.of();
    private volatile List<RegistryEventJournal> journals = List.of();
    /** Started with no listener: nothing to queue (the product's recorders are all journals). */
    private volatile boolean noListeners;

    AsyncEventDispatcher(int capacity, ObjectProvider<RegistryEventListener> listenerProvider,
                         ObjectProvider<RegistryEventJournal> journalProvider, RegistryMetrics metrics) {
        // deliver() reports a failing listener itself and never throws, so nothing is ever retried
        this.queue = new BackgroundQueue<>("registry-events", capacity, this::deliver, (event, e, retryIn) -> { });
        this.listenerProvider = listenerProvider;
        this.journalProvider = journalProvider;
        this.metrics = metrics;
    }

    @Override
    public void accept(RegistryEvent event) {
        for (RegistryEventJournal journal : journals) {
            try {
                journal.record(event);
            } catch (RuntimeException e) {
                log.warn("registry event journal {} failed on event {}", journal.getClass().getName(), event.id(), e);
            }
        }
        if (noListeners || queue.offer(event)) {
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
        journals = journalProvider.orderedStream().toList();
        noListeners = listeners.isEmpty();
        queue.start();
    }

    @Override
    public void stop() {
        queue.stop();
    }

    @Override
    public boolean isRunning() {
        return queue.isRunning();
    }

    /** Before the web server (which starts at DEFAULT_PHASE - 1024), so it stops after it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
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
