package io.portus.gc.internal;

import java.util.ArrayList;
import java.util.List;

import io.portus.storage.Digest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a stored manifest references: {@code blobs} (config, layers, an artifact manifest's blobs), {@code children}
 * (an index's or manifest list's manifests) and its {@code subject}. Read leniently: content that is not a JSON
 * manifest references nothing (it is kept or not by its own links only), as distribution's collector does.
 */
record ManifestRefs(List<Digest> blobs, List<Digest> children, Digest subject) {

    static final ManifestRefs NONE = new ManifestRefs(List.of(), List.of(), null);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ManifestRefs parse(byte[] content) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JacksonException e) {
            return NONE;
        }
        if (root == null || !root.isObject()) {
            return NONE;
        }
        List<Digest> blobs = new ArrayList<>();
        List<Digest> children = new ArrayList<>();
        add(blobs, root.get("config"));
        addAll(blobs, root.get("layers"));
        addAll(blobs, root.get("blobs"));
        addAll(children, root.get("manifests"));
        // Docker schema1: fsLayers[].blobSum
        JsonNode fsLayers = root.get("fsLayers");
        if (fsLayers != null && fsLayers.isArray()) {
            for (JsonNode l : fsLayers) {
                digest(l.get("blobSum"), blobs);
            }
        }
        List<Digest> subject = new ArrayList<>(1);
        add(subject, root.get("subject"));
        return new ManifestRefs(List.copyOf(blobs), List.copyOf(children), subject.isEmpty() ? null : subject.getFirst());
    }

    private static void addAll(List<Digest> out, JsonNode array) {
        if (array != null && array.isArray()) {
            for (JsonNode d : array) {
                add(out, d);
            }
        }
    }

    private static void add(List<Digest> out, JsonNode descriptor) {
        if (descriptor != null && descriptor.isObject()) {
            digest(descriptor.get("digest"), out);
        }
    }

    private static void digest(JsonNode node, List<Digest> out) {
        if (node != null && node.isString() && Digest.isDigest(node.stringValue())) {
            out.add(Digest.parse(node.stringValue()));
        }
    }
}
