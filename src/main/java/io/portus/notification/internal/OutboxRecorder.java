package io.portus.notification.internal;

import java.util.List;

import io.portus.common.BackgroundQueue;
import io.portus.common.QueueOwner;
import io.portus.notification.NotificationProperties.Endpoint;
import io.portus.registry.event.RegistryEvent;
import io.portus.registry.event.RegistryEventJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues each built-in registry event in the outbox of every endpoint that wants it, inside the request before
 * it is answered (one INSERT per wanting endpoint), so an acknowledged push is never lost by a crash. When the
 * database cannot take it, an in-memory queue's writer thread retries with backoff.
 */
final class OutboxRecorder extends QueueOwner implements RegistryEventJournal {

    private static final Logger log = LoggerFactory.getLogger(OutboxRecorder.class);

    private final List<Endpoint> endpoints;
    private final OutboxStore store;
    private final JsonMapper json;
    private final Runnable wakeUp;
    private final BackgroundQueue<RegistryEvent> queue;

    OutboxRecorder(List<Endpoint> endpoints, OutboxStore store, JsonMapper json, Runnable wakeUp) {
        this.endpoints = endpoints;
        this.store = store;
        this.json = json;
        this.wakeUp = wakeUp;
        this.queue = new BackgroundQueue<>("notification-outbox-writer", 10_000, this::write,
                (event, e, retryIn) -> log.warn("cannot queue notification of event {} ({}); retrying in {} ms",
                        event.id(), e.getMessage(), retryIn));
    }

    @Override
    public void record(RegistryEvent event) {
        if (wanting(event).isEmpty()) {
            return; // no endpoint (or none that wants this action and media type): nothing to queue
        }
        try {
            write(event);
            return;
        } catch (RuntimeException e) {
            log.warn("cannot queue notification of event {} ({}); retrying in the background", event.id(), e.getMessage());
        }
        if (!queue.offer(event)) {
            log.warn("notification of event {} dropped: the outbox writer is {} events behind", event.id(), queue.size());
        }
    }

    private List<String> wanting(RegistryEvent event) {
        if (endpoints.isEmpty()) {
            return List.of();
        }
        String mediaType = event.target() == null ? null : event.target().mediaType();
        return endpoints.stream().filter(e -> e.wants(event.action(), mediaType)).map(Endpoint::name).toList();
    }

    private void write(RegistryEvent event) {
        List<String> wanting = wanting(event);
        if (wanting.isEmpty()) {
            return;
        }
        store.add(wanting, event.id(), json.writeValueAsString(event));
        wakeUp.run();
    }

    @Override
    protected BackgroundQueue<?> queue() {
        return queue;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
