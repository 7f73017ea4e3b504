package io.portus.catalog;

import java.util.Locale;
import java.util.Optional;

import io.portus.catalog.internal.EventStore;
import io.portus.catalog.internal.EventWorker;
import io.portus.catalog.internal.RegistryEvents;
import io.portus.common.BadRequestException;
import io.portus.namespace.Registry;
import io.portus.namespace.RegistryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Durable intake of registry notification envelopes ({@code {"events":[...]}}, docs/compatibility.md#registry-events) from
 * external registries. Each relevant event (manifest push and pull, deletes) is stored, de-duplicated by
 * its id, and applied later by the event worker; blob events and events of unknown registries are
 * dropped as Portus does. The sender is recognised by the event's {@code request.host}, then its
 * {@code source.addr}, against the registries' hostnames and external hostnames.
 */
@Service
public class EventInbox {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    /** What happened to one envelope. */
    public record Accepted(int received, int stored, int duplicates, int skipped) {
    }

    private final EventStore store;
    private final RegistryService registries;
    private final JsonMapper json;
    private final EventWorker worker;

    EventInbox(EventStore store, RegistryService registries, JsonMapper json, EventWorker worker) {
        this.store = store;
        this.registries = registries;
        this.json = json;
        this.worker = worker;
    }

    /**
     * Stores the envelope's events. Throws {@link BadRequestException} when it is not an envelope, and lets
     * database errors through (the caller answers 503 so the registry retries).
     */
    public Accepted accept(byte[] envelope) {
        JsonNode root;
        try {
            root = json.readTree(envelope);
        } catch (JacksonException e) {
            throw new BadRequestException("the body is not JSON: expected a notification envelope {\"events\":[...]}");
        }
        JsonNode events = root == null ? null : root.get("events");
        if (events == null || !events.isArray()) {
            throw new BadRequestException("expected a notification envelope {\"events\":[...]}");
        }
        int stored = 0;
        int duplicates = 0;
        int skipped = 0;
        for (JsonNode event : events) {
            Optional<String> problem = RegistryEvents.irrelevance(event);
            Optional<Registry> registry = problem.isPresent() ? Optional.empty() : sender(event);
            if (problem.isPresent() || registry.isEmpty()) {
                skipped++;
                log.debug("registry event {} skipped: {}", RegistryEvents.text(event, "id"),
                        problem.orElse("unknown registry"));
                continue;
            }
            if (store.insert(RegistryEvents.text(event, "id"), registry.get().id(), RegistryEvents.text(event, "action"),
                    RegistryEvents.text(event.path("target"), "repository"), json.writeValueAsString(event))) {
                stored++;
            } else {
                duplicates++;
            }
        }
        if (stored > 0) {
            worker.wakeUp();
        }
        return new Accepted(events.size(), stored, duplicates, skipped);
    }

    private Optional<Registry> sender(JsonNode event) {
        for (String host : new String[] {RegistryEvents.text(event.path("request"), "host"),
                RegistryEvents.text(event.path("source"), "addr")}) {
            if (host != null && !host.isBlank()) {
                Optional<Registry> r = registries.byService(host.toLowerCase(Locale.ROOT));
                if (r.isPresent()) {
                    return r;
                }
            }
        }
        log.warn("registry event {} from an unknown registry (request.host {}, source.addr {}) ignored: register the "
                        + "registry with this hostname or external hostname", RegistryEvents.text(event, "id"),
                RegistryEvents.text(event.path("request"), "host"), RegistryEvents.text(event.path("source"), "addr"));
        return Optional.empty();
    }
}
