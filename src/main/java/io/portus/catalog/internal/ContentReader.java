package io.portus.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.portus.catalog.Platform;
import io.portus.storage.Digest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what a tag's manifest holds from the registry itself: media type, size and, for an image index or
 * manifest list, every child manifest (fetched by digest) with its platform and size. The tag size of an
 * index counts each distinct blob of its children once.
 */
@Component
class ContentReader {

    private final JsonMapper json;

    ContentReader(JsonMapper json) {
        this.json = json;
    }

    /** The content behind {@code digest}; empty when the registry does not have that manifest. */
    Optional<TagStore.Content> read(RegistryAccess registry, String repository, String digest) {
        Optional<RegistryAccess.Manifest> manifest = registry.manifest(repository, digest);
        if (manifest.isEmpty()) {
            return Optional.empty();
        }
        ManifestFacts facts = ManifestFacts.parse(json, manifest.get().content(), manifest.get().mediaType());
        if (!facts.index()) {
            return Optional.of(new TagStore.Content(digest, facts.mediaType(), facts.artifactType(), facts.imageId(),
                    facts.size(), List.of()));
        }
        Map<String, Long> blobs = new LinkedHashMap<>();
        List<Platform> platforms = new ArrayList<>();
        for (ManifestFacts.Child child : facts.children()) {
            long size = 0;
            if (Digest.isDigest(child.digest())) {
                Optional<RegistryAccess.Manifest> m = registry.manifest(repository, child.digest());
                if (m.isPresent()) {
                    ManifestFacts c = ManifestFacts.parse(json, m.get().content(), child.mediaType());
                    size = c.size();
                    c.blobs().forEach(blobs::putIfAbsent);
                }
            }
            platforms.add(new Platform(child.digest(), child.mediaType(), child.os(), child.architecture(),
                    child.variant(), size));
        }
        long total = blobs.values().stream().mapToLong(Long::longValue).sum();
        return Optional.of(new TagStore.Content(digest, facts.mediaType(), facts.artifactType(), null, total, platforms));
    }
}
