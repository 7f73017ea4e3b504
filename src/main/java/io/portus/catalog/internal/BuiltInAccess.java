package io.portus.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.portus.catalog.TagDetails;
import io.portus.registry.ManifestDeletes;
import io.portus.registry.PushRules;
import io.portus.storage.Digest;
import io.portus.storage.RegistryStorage;
import io.portus.storage.RepositoryName;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link RegistryAccess} of the built-in registry: its storage, directly; deletes through the registry's
 * {@link ManifestDeletes}, so they publish the same events as an HTTP {@code DELETE} would and the registry's
 * {@link PushRules} (immutable tags) refuse them as they refuse an HTTP {@code DELETE}.
 */
final class BuiltInAccess implements RegistryAccess {

    private final RegistryStorage storage;
    private final JsonMapper json;
    private final ManifestDeletes deletes;
    private final String host;

    BuiltInAccess(RegistryStorage storage, JsonMapper json, ManifestDeletes deletes, String host) {
        this.storage = storage;
        this.json = json;
        this.deletes = deletes;
        this.host = host;
    }

    @Override
    public Optional<Manifest> manifest(String repository, String digest) {
        try {
            return storage.manifest(new RepositoryName(repository), Digest.parse(digest))
                    .map(bytes -> new Manifest(bytes, mediaTypeOf(bytes)));
        } catch (IOException e) {
            throw new RetryableException("built-in registry storage: " + e.getMessage(), e);
        }
    }

    private String mediaTypeOf(byte[] bytes) {
        try {
            return RegistryEvents.text(json.readTree(bytes), "mediaType");
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public Optional<byte[]> blob(String repository, String digest, int maxBytes) {
        try {
            Optional<RegistryStorage.Blob> blob = storage.blob(new RepositoryName(repository), Digest.parse(digest));
            if (blob.isEmpty()) {
                return Optional.empty();
            }
            if (blob.get().size() > maxBytes) {
                throw new RegistryRefusedException("the blob " + digest + " has " + blob.get().size()
                        + " bytes, more than the " + maxBytes + " read here");
            }
            try (InputStream in = blob.get().open(0)) {
                return Optional.of(in.readNBytes(maxBytes));
            }
        } catch (IOException e) {
            throw new RetryableException("built-in registry storage: " + e.getMessage(), e);
        }
    }

    @Override
    public List<TagDetails.Referrer> referrers(String repository, String digest) {
        RepositoryName name = new RepositoryName(repository);
        List<TagDetails.Referrer> all = new ArrayList<>();
        try {
            for (Digest d : storage.referrers(name, Digest.parse(digest))) {
                storage.manifest(name, d).ifPresent(bytes -> all.add(Referrers.of(json, d.toString(), bytes)));
            }
        } catch (IOException e) {
            throw new RetryableException("built-in registry storage: " + e.getMessage(), e);
        }
        return all;
    }

    @Override
    public Optional<String> resolveTag(String repository, String tag) {
        try {
            return storage.resolveTag(new RepositoryName(repository), tag).map(Digest::toString);
        } catch (IOException e) {
            throw new RetryableException("built-in registry storage: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<List<String>> tags(String repository) {
        try {
            RepositoryName name = new RepositoryName(repository);
            Optional<List<String>> tags = storage.tags(name);
            if (tags.isEmpty() && storage.repositoryExists(name)) {
                return Optional.of(List.of());
            }
            return tags;
        } catch (IOException e) {
            throw new RetryableException("built-in registry storage: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> repositories() {
        List<String> all = new ArrayList<>();
        String last = null;
        try {
            while (true) {
                List<String> page = storage.repositories(last, 1000);
                all.addAll(page);
                if (page.size() < 1000) {
                    return all;
                }
                last = page.getLast();
            }
        } catch (IOException e) {
            throw new RetryableException("built-in registry storage: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> deleteManifest(String repository, String digest, String actor) {
        if (!deletes.enabled()) {
            throw new RegistryRefusedException("deletes are disabled in the built-in registry "
                    + "(REGISTRY_STORAGE_DELETE_ENABLED=false)");
        }
        try {
            return deletes.deleteManifest(new RepositoryName(repository), Digest.parse(digest),
                            new ManifestDeletes.Origin(actor, host))
                    .map(events -> json.writeValueAsString(events.getFirst()));
        } catch (PushRules.Refused e) {
            throw new RegistryRefusedException(e.getMessage());
        } catch (IOException e) {
            throw new RetryableException("built-in registry storage: " + e.getMessage(), e);
        }
    }
}
