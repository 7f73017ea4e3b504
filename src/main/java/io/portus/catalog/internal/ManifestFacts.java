package io.portus.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the catalog records of a manifest: media type, artifact type, config digest, the blobs it refers
 * to (digest → size) and, for an image index or Docker manifest list, its children with their platforms.
 */
record ManifestFacts(String mediaType, String artifactType, String configDigest, Map<String, Long> blobs,
                     List<Child> children) {

    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    private static final List<String> IMAGE_CONFIGS = List.of("application/vnd.oci.image.config.v1+json",
            "application/vnd.docker.container.image.v1+json");

    /** A child manifest of an index, as the index describes it. */
    record Child(String digest, String mediaType, String os, String architecture, String variant) {
    }

    boolean index() {
        return !children.isEmpty() || OCI_INDEX.equals(mediaType) || DOCKER_LIST.equals(mediaType);
    }

    /** Config + layers (each distinct blob once). */
    long size() {
        return blobs.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The image id Portus shows: the config digest without its algorithm. */
    String imageId() {
        return configDigest == null ? null : configDigest.substring(configDigest.indexOf(':') + 1);
    }

    static ManifestFacts parse(JsonMapper json, byte[] content, String servedMediaType) {
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("manifest is not JSON");
        }
        String mediaType = RegistryEvents.text(root, "mediaType");
        if (mediaType == null) {
            mediaType = servedMediaType;
        }
        Map<String, Long> blobs = new LinkedHashMap<>();
        List<Child> children = new ArrayList<>();
        JsonNode manifests = root.get("manifests");
        if (manifests != null && manifests.isArray()) {
            for (JsonNode m : manifests) {
                JsonNode p = m.path("platform");
                children.add(new Child(RegistryEvents.text(m, "digest"), RegistryEvents.text(m, "mediaType"),
                        RegistryEvents.text(p, "os"), RegistryEvents.text(p, "architecture"),
                        RegistryEvents.text(p, "variant")));
            }
            return new ManifestFacts(mediaType, RegistryEvents.text(root, "artifactType"), null, blobs, children);
        }
        JsonNode config = root.path("config");
        String configDigest = RegistryEvents.text(config, "digest");
        String configType = RegistryEvents.text(config, "mediaType");
        if (configDigest != null) {
            blobs.put(configDigest, config.path("size").asLong(0));
        }
        JsonNode layers = root.get("layers");
        if (layers != null && layers.isArray()) {
            for (JsonNode l : layers) {
                String d = RegistryEvents.text(l, "digest");
                if (d != null) {
                    blobs.putIfAbsent(d, l.path("size").asLong(0));
                }
            }
        }
        String artifactType = RegistryEvents.text(root, "artifactType");
        if (artifactType == null && configType != null && !IMAGE_CONFIGS.contains(configType)) {
            artifactType = configType;
        }
        return new ManifestFacts(mediaType, artifactType, configDigest, blobs, children);
    }
}
