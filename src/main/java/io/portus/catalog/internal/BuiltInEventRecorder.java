package io.portus.catalog.internal;

import io.portus.common.BackgroundQueue;
import io.portus.common.QueueOwner;
import io.portus.namespace.Registry;
import io.portus.namespace.RegistryService;
import io.portus.registry.event.RegistryEvent;
import io.portus.registry.event.RegistryEventJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts the built-in registry's pushes and deletes into {@code registry_events}, like events from external
 * registries, inside the request before it is answered (one INSERT), so a push that got its 201 is in the
 * inbox even if the instance is killed right after. When the database cannot take it, the event goes to an
 * in-memory queue whose writer thread retries with backoff (the request is not failed: the manifest is
 * stored, and the catalog sync repairs what a crash during an outage loses). Blob
 * events are of no interest to the catalog, and manifest pulls (the most frequent request) only move the
 * tags' "last pulled" time, which {@link PullTimes} coalesces instead of storing each pull.
 */
@Component
class BuiltInEventRecorder extends QueueOwner implements RegistryEventJournal {

    private static final Logger log = LoggerFactory.getLogger(BuiltInEventRecorder.class);

    private final EventStore store;
    private final RegistryService registries;
    private final JsonMapper json;
    private final EventWorker worker;
    private final PullTimes pulls;
    private final BackgroundQueue<RegistryEvent> queue;

    BuiltInEventRecorder(EventStore store, RegistryService registries, JsonMapper json, EventWorker worker,
                         PullTimes pulls) {
        this.store = store;
        this.registries = registries;
        this.json = json;
        this.worker = worker;
        this.pulls = pulls;
        this.queue = new BackgroundQueue<>("builtin-event-writer", 10_000, this::write,
                (event, e, retryIn) -> log.warn("cannot store built-in registry event {} ({}); retrying in {} ms",
                        event.id(), e.getMessage(), retryIn));
    }

    @Override
    public void record(RegistryEvent event) {
        RegistryEvent.Target target = event.target();
        if (target == null) {
            return;
        }
        boolean pushOrPull = RegistryEvents.PUSH.equals(event.action()) || RegistryEvents.PULL.equals(event.action());
        if (pushOrPull && (target.mediaType() == null || RegistryEvents.BLOB.equals(target.mediaType()))) {
            return; // blob pushes and pulls change nothing in the catalog (deletes carry no media type: see below)
        }
        if (RegistryEvents.PULL.equals(event.action())) {
            // the registry built this event from a validated name, reference and digest
            boolean portusOwnFetch = event.actor() != null && "portus".equals(event.actor().name());
            if (!portusOwnFetch && target.repository() != null && target.digest() != null) {
                pulls.record(target.repository(), target.tag(), target.digest(), event.timestamp());
            }
            return;
        }
        JsonNode node = json.valueToTree(event);
        if (RegistryEvents.irrelevance(node).isPresent()) {
            return;
        }
        try {
            write(event);
            return;
        } catch (RuntimeException e) {
            log.warn("cannot store built-in registry event {} ({}); retrying in the background", event.id(), e.getMessage());
        }
        if (!queue.offer(event)) {
            log.warn("built-in registry event {} dropped: the event writer is {} events behind", event.id(), queue.size());
        }
    }

    private void write(RegistryEvent event) {
        Registry builtin = registries.builtin().orElseThrow(() -> new IllegalStateException("built-in registry not registered yet"));
        if (store.insert(event.id(), builtin.id(), event.action(), event.target().repository(), json.writeValueAsString(event))) {
            worker.wakeUp();
        }
    }

    @Override
    protected BackgroundQueue<?> queue() {
        return queue;
    }

    /** Stops after the registry's dispatcher (which stops after the web server), so queued events get written. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
