package io.portus.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.portus.storage.Digest;

/**
 * What the registry needs to know about a stored manifest, read from its exact bytes (content is
 * immutable, so this is cached by digest).
 *
 * @param mediaType    the manifest's media type ({@code mediaType} field, else inferred from its shape)
 * @param size         length of the manifest bytes
 * @param index        true for an OCI index or Docker manifest list
 * @param artifactType the {@code artifactType} field, or null
 * @param config       the config descriptor of an image manifest, or null
 * @param children     layers of an image manifest, or manifests of an index
 * @param subject      the {@code subject} digest, or null
 * @param annotations  the manifest's annotations (empty when none)
 */
record ManifestInfo(String mediaType, long size, boolean index, String artifactType, Descriptor config,
                    List<Descriptor> children, Digest subject, Map<String, String> annotations) {

    /** A content descriptor inside a manifest; {@code foreign} when it lists {@code urls} (not stored here). */
    record Descriptor(String mediaType, Digest digest, long size, boolean foreign) {
    }

    /** The artifact type the referrers API reports: {@code artifactType}, else the config's media type. */
    String referrerArtifactType() {
        if (artifactType != null) {
            return artifactType;
        }
        return index || config == null ? null : config.mediaType();
    }

    /** Config then layers, or the index children. */
    List<Descriptor> references() {
        if (config == null) {
            return children;
        }
        List<Descriptor> all = new ArrayList<>(children.size() + 1);
        all.add(config);
        all.addAll(children);
        return all;
    }
}
