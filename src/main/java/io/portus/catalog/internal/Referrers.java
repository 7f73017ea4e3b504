package io.portus.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.portus.catalog.TagDetails.Referrer;
import io.portus.storage.Digest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading referrers: from a referrer's own manifest, or from an index of descriptors (the referrers API). */
final class Referrers {

    private Referrers() {
    }

    /** The descriptor the referrers API gives {@code bytes}: its artifact type, else its config's media type. */
    static Referrer of(JsonMapper json, String digest, byte[] bytes) {
        JsonNode root = json.readTree(bytes);
        String artifactType = RegistryEvents.text(root, "artifactType");
        if (artifactType == null) {
            artifactType = RegistryEvents.text(root.path("config"), "mediaType");
        }
        return new Referrer(digest, RegistryEvents.text(root, "mediaType"), artifactType, bytes.length,
                annotations(root.path("annotations")));
    }

    /** The descriptors of an image index (the referrers API's answer, or a fallback tag's index). */
    static List<Referrer> ofIndex(JsonMapper json, byte[] bytes) {
        JsonNode manifests;
        try {
            manifests = json.readTree(bytes).path("manifests");
        } catch (RuntimeException e) {
            throw new RetryableException("the registry's referrers are not JSON");
        }
        List<Referrer> all = new ArrayList<>();
        for (JsonNode m : manifests) {
            String digest = RegistryEvents.text(m, "digest");
            if (digest != null && Digest.isDigest(digest)) {
                all.add(new Referrer(digest, RegistryEvents.text(m, "mediaType"), RegistryEvents.text(m, "artifactType"),
                        m.path("size").asLong(0), annotations(m.path("annotations"))));
            }
        }
        return all;
    }

    static Map<String, String> annotations(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> map.put(e.getKey(),
                    e.getValue().isString() ? e.getValue().stringValue() : e.getValue().toString()));
        }
        return map;
    }
}
