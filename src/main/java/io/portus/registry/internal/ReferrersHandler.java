package io.portus.registry.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.portus.storage.Digest;
import io.portus.storage.RegistryStorage;

/**
 * {@code GET /v2/<name>/referrers/<digest>[?artifactType=]}: an OCI image index of the manifests whose
 * {@code subject} is the digest (empty, never 404, for an unknown subject). Each descriptor carries the
 * referrer's media type, digest, size, artifact type (its {@code artifactType}, else its config's media
 * type) and annotations. With {@code artifactType} the list is filtered and
 * {@code OCI-Filters-Applied: artifactType} says so.
 */
final class ReferrersHandler implements Handler {

    private final RegistryStorage storage;
    private final ManifestCache cache;

    ReferrersHandler(RegistryStorage storage, ManifestCache cache) {
        this.storage = storage;
        this.cache = cache;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        Digest subject = Reference.digest(ex.route.reference());
        Set<String> filter = Set.copyOf(ex.query.all("artifactType"));
        List<Map<String, Object>> descriptors = new ArrayList<>();
        for (Digest digest : storage.referrers(ex.repo(), subject).stream()
                .sorted(Comparator.comparing(Digest::toString)).toList()) {
            Optional<byte[]> bytes = storage.manifest(ex.repo(), digest);
            if (bytes.isEmpty()) {
                continue;
            }
            ManifestInfo info = cache.info(digest, bytes.get());
            String artifactType = info.referrerArtifactType();
            if (!filter.isEmpty() && (artifactType == null || !filter.contains(artifactType))) {
                continue;
            }
            descriptors.add(descriptor(digest, info, artifactType));
        }
        if (!filter.isEmpty()) {
            ex.header(Headers.OCI_FILTERS_APPLIED, "artifactType");
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", Headers.OCI_INDEX);
        index.put("manifests", descriptors);
        ex.sendBytes(200, Headers.OCI_INDEX, Json.bytes(index));
    }

    private static Map<String, Object> descriptor(Digest digest, ManifestInfo info, String artifactType) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mediaType", info.mediaType());
        d.put("digest", digest.toString());
        d.put("size", info.size());
        if (artifactType != null) {
            d.put("artifactType", artifactType);
        }
        if (!info.annotations().isEmpty()) {
            d.put("annotations", info.annotations());
        }
        return d;
    }
}
