package io.portus.registry.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.portus.storage.Digest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads manifests. {@link #validate} is the strict check of a PUT (JSON, schema version 2, a supported media
 * type that agrees with {@code Content-Type}, well-formed descriptors); {@link #describe} reads stored bytes
 * leniently, so manifests written by distribution 2.8 (schema1 included) are still served with a type.
 * The media type always comes from the bytes: the {@code mediaType} field, else the shape
 * ({@code manifests} → OCI index, {@code config} → OCI manifest).
 */
final class ManifestParser {

    private static final Set<String> SUPPORTED = Set.of(Headers.OCI_MANIFEST, Headers.OCI_INDEX,
            Headers.DOCKER_MANIFEST, Headers.DOCKER_LIST);
    private static final Set<String> INDEXES = Set.of(Headers.OCI_INDEX, Headers.DOCKER_LIST);

    private ManifestParser() {
    }

    /** Lenient description of stored bytes; never throws. */
    static ManifestInfo describe(byte[] bytes) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return new ManifestInfo(Headers.OCTET_STREAM, bytes.length, false, null, null, List.of(), null, Map.of());
        }
        return read(root, inferType(root), bytes.length, false);
    }

    /**
     * Strict validation of a pushed manifest.
     *
     * @param contentType the request's Content-Type (parameters ignored), may be null
     * @throws RegistryException MANIFEST_INVALID with a message saying what is wrong
     */
    static ManifestInfo validate(byte[] bytes, String contentType) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw invalid("manifest is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw invalid("manifest must be a JSON object");
        }
        String header = Headers.mediaTypeOnly(contentType);
        JsonNode version = root.get("schemaVersion");
        if (isSchema1(header) || (version != null && version.isIntegralNumber() && version.asLong() == 1)) {
            throw invalid("Docker schema1 manifests are not supported; push a Docker schema2 or OCI manifest");
        }
        if (version == null || !version.isIntegralNumber() || version.asLong() != 2) {
            throw invalid("schemaVersion must be 2");
        }
        JsonNode field = root.get("mediaType");
        if (field != null && !field.isString()) {
            throw invalid("mediaType must be a string");
        }
        String type = inferType(root);
        if (field != null && header != null && !field.stringValue().equals(header)) {
            throw invalid("mediaType " + field.stringValue() + " does not match Content-Type " + header);
        }
        if (field == null && header != null && SUPPORTED.contains(header) && !header.equals(type)) {
            throw invalid("Content-Type " + header + " does not match the manifest, which has no mediaType field"
                    + " and looks like " + type);
        }
        if (!SUPPORTED.contains(type)) {
            throw invalid("unsupported manifest media type " + type);
        }
        return read(root, type, bytes.length, true);
    }

    private static boolean isSchema1(String type) {
        return Headers.DOCKER_SCHEMA1.equals(type) || Headers.DOCKER_SCHEMA1_SIGNED.equals(type);
    }

    private static String inferType(JsonNode root) {
        JsonNode field = root.get("mediaType");
        if (field != null && field.isString() && !field.stringValue().isBlank()) {
            return field.stringValue();
        }
        JsonNode version = root.get("schemaVersion");
        if (version != null && version.isIntegralNumber() && version.asLong() == 1) {
            return root.has("signatures") ? Headers.DOCKER_SCHEMA1_SIGNED : Headers.DOCKER_SCHEMA1;
        }
        if (root.has("manifests")) {
            return Headers.OCI_INDEX;
        }
        if (root.has("config")) {
            return Headers.OCI_MANIFEST;
        }
        return Headers.OCTET_STREAM;
    }

    private static ManifestInfo read(JsonNode root, String type, int size, boolean strict) {
        boolean index = INDEXES.contains(type);
        String artifactType = string(root, "artifactType", strict);
        ManifestInfo.Descriptor config = null;
        List<ManifestInfo.Descriptor> children;
        if (index) {
            children = descriptors(root, "manifests", strict, true);
        } else {
            JsonNode node = root.get("config");
            if (node != null || (strict && SUPPORTED.contains(type))) {
                config = descriptor(node, "config", strict);
            }
            children = descriptors(root, "layers", strict, false);
        }
        ManifestInfo.Descriptor subject = root.has("subject") ? descriptor(root.get("subject"), "subject", strict) : null;
        return new ManifestInfo(type, size, index, artifactType, config, children,
                subject == null ? null : subject.digest(), annotations(root.get("annotations"), strict));
    }

    private static List<ManifestInfo.Descriptor> descriptors(JsonNode root, String field, boolean strict, boolean required) {
        JsonNode array = root.get(field);
        if (array == null || array.isNull()) {
            if (strict && required) {
                throw invalid(field + " is required");
            }
            return List.of();
        }
        if (!array.isArray()) {
            if (strict) {
                throw invalid(field + " must be an array");
            }
            return List.of();
        }
        List<ManifestInfo.Descriptor> list = new ArrayList<>(array.size());
        int i = 0;
        for (JsonNode node : array) {
            ManifestInfo.Descriptor d = descriptor(node, field + "[" + i++ + "]", strict);
            if (d != null) {
                list.add(d);
            }
        }
        return List.copyOf(list);
    }

    /** A descriptor; in lenient mode null when it is unusable. */
    private static ManifestInfo.Descriptor descriptor(JsonNode node, String where, boolean strict) {
        if (node == null || !node.isObject()) {
            if (strict) {
                throw invalid(where + " must be a descriptor object");
            }
            return null;
        }
        JsonNode digest = node.get("digest");
        if (digest == null || !digest.isString() || !Digest.isDigest(digest.stringValue())) {
            if (strict) {
                throw invalid(where + " has a missing or invalid digest");
            }
            return null;
        }
        JsonNode size = node.get("size");
        if (size != null && (!size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 0)) {
            if (strict) {
                throw invalid(where + " has an invalid size");
            }
            size = null;
        }
        String mediaType = string(node, "mediaType", strict);
        JsonNode urls = node.get("urls");
        boolean foreign = urls != null && urls.isArray() && !urls.isEmpty();
        return new ManifestInfo.Descriptor(mediaType, Digest.parse(digest.stringValue()),
                size == null ? 0 : size.asLong(), foreign);
    }

    private static String string(JsonNode node, String field, boolean strict) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            if (strict) {
                throw invalid(field + " must be a string");
            }
            return null;
        }
        return value.stringValue();
    }

    private static Map<String, String> annotations(JsonNode node, boolean strict) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            if (strict) {
                throw invalid("annotations must be an object");
            }
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getValue().isString()) {
                map.put(e.getKey(), e.getValue().stringValue());
            } else if (strict) {
                throw invalid("annotation " + e.getKey() + " must be a string");
            }
        }
        return map;
    }

    private static RegistryException invalid(String message) {
        return new RegistryException(ErrorCode.MANIFEST_INVALID, message);
    }
}
