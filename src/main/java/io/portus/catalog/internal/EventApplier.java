package io.portus.catalog.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import io.portus.common.DbTime;
import io.portus.namespace.Registry;
import io.portus.namespace.RegistryService;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies one stored event after checking it against the registry that sent it ("trust but verify"): a
 * push counts only when the manifest is there under that digest and the tag points at it; a delete only
 * when the manifest (or tag) is gone. Anything else is ignored, so a forged or outdated event changes
 * nothing. Pulls set the tags' {@code pulled_at}.
 */
@Component
class EventApplier {

    /** What became of an event. */
    record Outcome(boolean applied, String note) {
        static final Outcome APPLIED = new Outcome(true, null);

        static Outcome ignored(String why) {
            return new Outcome(false, why);
        }
    }

    private final RegistryService registries;
    private final RegistryAccessFactory access;
    private final ContentReader content;
    private final CatalogWriter writer;
    private final JsonMapper json;

    EventApplier(RegistryService registries, RegistryAccessFactory access, ContentReader content, CatalogWriter writer,
                 JsonMapper json) {
        this.registries = registries;
        this.access = access;
        this.content = content;
        this.writer = writer;
        this.json = json;
    }

    Outcome apply(EventStore.StoredEvent stored) {
        Optional<Registry> registry = stored.registryId() == null ? registries.builtin() : registries.find(stored.registryId());
        if (registry.isEmpty()) {
            return Outcome.ignored("the registry is no longer registered");
        }
        JsonNode event = json.readTree(stored.data());
        JsonNode target = event.path("target");
        String repository = RegistryEvents.text(target, "repository");
        String digest = RegistryEvents.text(target, "digest");
        String tag = RegistryEvents.text(target, "tag");
        RegistryAccess registryAccess = access.of(registry.get());
        return switch (stored.action()) {
            case RegistryEvents.PUSH -> push(registry.get(), registryAccess, event, repository, digest, tag, stored.data());
            case RegistryEvents.DELETE -> delete(registry.get(), registryAccess, event, repository, digest, tag, stored.data());
            case RegistryEvents.PULL -> {
                writer.pulled(registry.get(), repository, tag, digest, timestamp(event));
                yield Outcome.APPLIED;
            }
            default -> Outcome.ignored("action " + stored.action() + " is not handled");
        };
    }

    private Outcome push(Registry registry, RegistryAccess registryAccess, JsonNode event, String repository,
                         String digest, String tag, String raw) {
        if (tag == null) {
            return Outcome.ignored("pushed by digest (no tag)");
        }
        Optional<String> current = registryAccess.resolveTag(repository, tag);
        if (current.isEmpty() || !current.get().equals(digest)) {
            return Outcome.ignored("the registry does not have " + repository + ":" + tag + " at " + digest);
        }
        Optional<TagStore.Content> c = content.read(registryAccess, repository, digest);
        if (c.isEmpty()) {
            return Outcome.ignored("the registry does not have manifest " + repository + "@" + digest);
        }
        CatalogWriter.Actor actor = writer.actor(RegistryEvents.text(event.path("actor"), "name"));
        writer.pushed(registry, repository, tag, c.get(), actor, timestamp(event), raw);
        return Outcome.APPLIED;
    }

    private Outcome delete(Registry registry, RegistryAccess registryAccess, JsonNode event, String repository,
                           String digest, String tag, String raw) {
        CatalogWriter.Actor actor = writer.actor(RegistryEvents.text(event.path("actor"), "name"));
        if (digest != null) {
            if (registryAccess.manifest(repository, digest).isPresent()) {
                return Outcome.ignored("manifest " + repository + "@" + digest + " is still in the registry");
            }
            writer.deletedDigest(registry, repository, digest, actor, raw);
            return Outcome.APPLIED;
        }
        if (registryAccess.resolveTag(repository, tag).isPresent()) {
            return Outcome.ignored("tag " + repository + ":" + tag + " is still in the registry");
        }
        writer.deletedTag(registry, repository, tag, actor, raw);
        return Outcome.APPLIED;
    }

    private static Instant timestamp(JsonNode event) {
        String ts = RegistryEvents.text(event, "timestamp");
        try {
            return ts == null ? DbTime.now() : Instant.parse(ts);
        } catch (DateTimeParseException e) {
            return DbTime.now();
        }
    }
}
