package io.portus.registry.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.portus.registry.ManifestDeletes;
import io.portus.registry.PushRules;
import io.portus.registry.event.RegistryEvent;
import io.portus.storage.Digest;
import io.portus.storage.RegistryStorage;
import io.portus.storage.RepositoryName;

/**
 * Manifest and tag deletes with their events, for the {@code DELETE} handler and for {@link ManifestDeletes}
 * callers alike: a manifest delete removes every tag of the repository on it and publishes the manifest's
 * event, then one per tag, as distribution does. This is the one place every delete of the built-in registry
 * passes, so the {@link PushRules} are asked here (a refusal is a {@link PushRules.Refused}) and told what was
 * deleted.
 */
final class StorageDeletes implements ManifestDeletes {

    static final String USER_AGENT = "portus";

    private final RegistryStorage storage;
    private final Events events;
    private final boolean enabled;
    private final Supplier<PushRules> rules;

    StorageDeletes(RegistryStorage storage, Events events, boolean enabled, Supplier<PushRules> rules) {
        this.storage = storage;
        this.rules = rules;
        this.events = events;
        this.enabled = enabled;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public Optional<List<RegistryEvent>> deleteManifest(RepositoryName repository, Digest digest, Origin origin)
            throws IOException {
        return deleteManifest(repository, digest, context(origin));
    }

    @Override
    public Optional<RegistryEvent> deleteTag(RepositoryName repository, String tag, Origin origin) throws IOException {
        return deleteTag(repository, tag, context(origin));
    }

    Optional<List<RegistryEvent>> deleteManifest(RepositoryName repository, Digest digest, Events.Context context)
            throws IOException {
        requireEnabled();
        rules.get().checkDelete(repository, storage.tagsOf(repository, digest));
        Optional<List<String>> tags = storage.deleteManifest(repository, digest);
        if (tags.isEmpty()) {
            return Optional.empty();
        }
        rules.get().deleted(repository, digest);
        List<RegistryEvent> published = new ArrayList<>();
        published.add(events.deleted(context, repository.value(), digest));
        tags.get().forEach(tag -> published.add(events.tagDeleted(context, repository.value(), tag)));
        return Optional.of(published);
    }

    Optional<RegistryEvent> deleteTag(RepositoryName repository, String tag, Events.Context context) throws IOException {
        requireEnabled();
        if (storage.resolveTag(repository, tag).isEmpty()) {
            return Optional.empty();
        }
        rules.get().checkDelete(repository, List.of(tag));
        if (!storage.deleteTag(repository, tag)) {
            return Optional.empty();
        }
        return Optional.of(events.tagDeleted(context, repository.value(), tag));
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new IllegalStateException("deletes are disabled on this registry"
                    + " (portus.registry.storage.delete-enabled / REGISTRY_STORAGE_DELETE_ENABLED)");
        }
    }

    private static Events.Context context(Origin origin) {
        String host = origin.host() == null ? "" : origin.host();
        int colon = host.lastIndexOf(':');
        int port = -1;
        if (colon > 0 && colon > host.lastIndexOf(']')) {
            try {
                port = Integer.parseInt(host.substring(colon + 1));
            } catch (NumberFormatException ignored) {
                // no port in the host name: the source is the host alone
            }
        }
        return new Events.Context(UUID.randomUUID().toString(), null, host.isEmpty() ? null : host, "DELETE",
                USER_AGENT, origin.actor() == null ? "" : origin.actor(), port);
    }
}
