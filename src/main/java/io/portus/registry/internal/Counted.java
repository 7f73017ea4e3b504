package io.portus.registry.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.portus.registry.ManifestContents;
import io.portus.registry.PushRules;
import io.portus.storage.Digest;
import io.portus.storage.RegistryStorage;
import io.portus.storage.RepositoryName;

/**
 * What a manifest counts for {@link PushRules}: its own bytes, and for an image its config and layers that are
 * stored here (foreign layers with {@code urls} are not); an index counts its bytes only, its children being
 * manifests of the repository that count when pushed. The registry's {@link ManifestContents} (for recounts);
 * {@code ManifestPut} collects the same while it checks the references.
 */
final class Counted implements ManifestContents {

    private final RegistryStorage storage;
    private final ManifestCache cache;

    Counted(RegistryStorage storage, ManifestCache cache) {
        this.storage = storage;
        this.cache = cache;
    }

    /** Sizes are the stored blobs' (never what the manifest claims); content missing from storage is skipped. */
    private List<PushRules.Content> contents(RepositoryName repository, Digest digest, long size, ManifestInfo info)
            throws IOException {
        List<PushRules.Content> all = new ArrayList<>();
        all.add(new PushRules.Content(digest, size));
        if (!info.index()) {
            for (ManifestInfo.Descriptor d : info.references()) {
                if (!d.foreign()) {
                    Optional<RegistryStorage.Blob> blob = storage.blob(repository, d.digest());
                    if (blob.isPresent()) {
                        all.add(new PushRules.Content(d.digest(), blob.get().size()));
                    }
                }
            }
        }
        return all;
    }

    @Override
    public Optional<Contents> read(RepositoryName repository, Digest manifest) throws IOException {
        Optional<byte[]> bytes = storage.manifest(repository, manifest);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        ManifestInfo info;
        try {
            info = cache.info(manifest, bytes.get());
        } catch (RuntimeException unreadable) {
            return Optional.of(new Contents(List.of(new PushRules.Content(manifest, bytes.get().length)), List.of()));
        }
        List<Digest> children = info.index() ? info.children().stream().map(ManifestInfo.Descriptor::digest).toList()
                : List.of();
        return Optional.of(new Contents(contents(repository, manifest, bytes.get().length, info), children));
    }
}
