package io.portus.notification.internal;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.portus.notification.NotificationProperties.Endpoint;
import io.portus.registry.event.RegistryEvent;
import io.portus.registry.event.RegistryEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues each built-in registry event in the outbox of every endpoint that wants it. The registry's
 * dispatcher only enqueues in memory; one writer thread stores, retrying while the database is down.
 */
final class OutboxRecorder implements RegistryEventListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRecorder.class);

    private final BlockingQueue<RegistryEvent> queue = new ArrayBlockingQueue<>(10_000);
    private final List<Endpoint> endpoints;
    private final OutboxStore store;
    private final JsonMapper json;
    private final Runnable wakeUp;
    private volatile boolean running;
    private Thread thread;

    OutboxRecorder(List<Endpoint> endpoints, OutboxStore store, JsonMapper json, Runnable wakeUp) {
        this.endpoints = endpoints;
        this.store = store;
        this.json = json;
        this.wakeUp = wakeUp;
    }

    @Override
    public void onEvent(RegistryEvent event) {
        if (!queue.offer(event)) {
            log.warn("notification of event {} dropped: the outbox writer is {} events behind", event.id(), queue.size());
        }
    }

    private void run() {
        long backoff = 500;
        while (running || !queue.isEmpty()) {
            RegistryEvent event;
            try {
                event = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            while (event != null) {
                try {
                    String mediaType = event.target() == null ? null : event.target().mediaType();
                    List<String> wanting = endpoints.stream().filter(e -> e.wants(event.action(), mediaType))
                            .map(Endpoint::name).toList();
                    store.add(wanting, event.id(), json.writeValueAsString(event));
                    wakeUp.run();
                    backoff = 500;
                    break;
                } catch (RuntimeException e) {
                    log.warn("cannot queue notification of event {} ({}); retrying in {} ms", event.id(), e.getMessage(), backoff);
                    try {
                        Thread.sleep(backoff);
                    } catch (InterruptedException ie) {
                        return;
                    }
                    backoff = Math.min(backoff * 2, 30_000);
                }
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofVirtual().name("notification-outbox-writer").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
