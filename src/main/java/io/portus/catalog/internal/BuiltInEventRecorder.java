package io.portus.catalog.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.portus.namespace.Registry;
import io.portus.namespace.RegistryService;
import io.portus.registry.event.RegistryEvent;
import io.portus.registry.event.RegistryEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts the built-in registry's events into {@code registry_events}, like events from external registries.
 * The registry's dispatcher thread only enqueues; one writer thread stores, retrying with backoff while the
 * database is unreachable, so the registry is never slowed down by the database.
 */
@Component
class BuiltInEventRecorder implements RegistryEventListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BuiltInEventRecorder.class);

    private final BlockingQueue<RegistryEvent> queue = new ArrayBlockingQueue<>(10_000);
    private final EventStore store;
    private final RegistryService registries;
    private final JsonMapper json;
    private final EventWorker worker;
    private volatile boolean running;
    private Thread thread;

    BuiltInEventRecorder(EventStore store, RegistryService registries, JsonMapper json, EventWorker worker) {
        this.store = store;
        this.registries = registries;
        this.json = json;
        this.worker = worker;
    }

    @Override
    public void onEvent(RegistryEvent event) {
        JsonNode node = json.valueToTree(event);
        if (RegistryEvents.irrelevance(node).isPresent()) {
            return;
        }
        if (!queue.offer(event)) {
            log.warn("built-in registry event {} dropped: the event writer is {} events behind", event.id(), queue.size());
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
                    write(event);
                    backoff = 500;
                    event = null;
                } catch (RuntimeException e) {
                    log.warn("cannot store built-in registry event {} ({}); retrying in {} ms", event.id(),
                            e.getMessage(), backoff);
                    if (!sleep(backoff)) {
                        return;
                    }
                    backoff = Math.min(backoff * 2, 30_000);
                }
            }
        }
    }

    private void write(RegistryEvent event) {
        Registry builtin = registries.builtin().orElseThrow(() -> new IllegalStateException("built-in registry not registered yet"));
        if (store.insert(event.id(), builtin.id(), event.action(), event.target().repository(), json.writeValueAsString(event))) {
            worker.wakeUp();
        }
    }

    private boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofVirtual().name("builtin-event-writer").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
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

    /** Stops after the registry's dispatcher (which stops after the web server), so queued events get written. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
