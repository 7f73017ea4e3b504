package io.portus.catalog.internal;

import java.util.Optional;

import io.portus.storage.Digest;
import io.portus.storage.RepositoryName;
import io.portus.storage.Tag;
import tools.jackson.databind.JsonNode;

/** Reading distribution notification events (JSON): which ones matter to the catalog. */
public final class RegistryEvents {

    public static final String PUSH = "push";
    public static final String PULL = "pull";
    public static final String DELETE = "delete";
    static final String BLOB = "application/octet-stream";

    private RegistryEvents() {
    }

    /** Why the catalog does not care about this event (empty when it does). */
    public static Optional<String> irrelevance(JsonNode event) {
        if (event == null || !event.isObject()) {
            return Optional.of("not an object");
        }
        String id = text(event, "id");
        if (id == null || id.isBlank() || id.length() > 128) {
            return Optional.of("no usable id");
        }
        String action = text(event, "action");
        JsonNode target = event.get("target");
        if (target == null || !target.isObject()) {
            return Optional.of("no target");
        }
        if (!RepositoryName.isValid(text(target, "repository"))) {
            return Optional.of("invalid repository name");
        }
        String digest = text(target, "digest");
        String mediaType = text(target, "mediaType");
        if (PUSH.equals(action) || PULL.equals(action)) {
            if (mediaType == null || mediaType.isBlank() || BLOB.equals(mediaType)) {
                return Optional.of("not a manifest");
            }
            if (!Digest.isDigest(digest)) {
                return Optional.of("invalid digest");
            }
            String tag = text(target, "tag");
            if (tag != null && !Tag.isValid(tag)) {
                return Optional.of("invalid tag");
            }
            if (PULL.equals(action) && "portus".equals(text(event.path("actor"), "name"))) {
                return Optional.of("Portus's own fetch");
            }
            return Optional.empty();
        }
        if (DELETE.equals(action)) {
            String tag = text(target, "tag");
            return Digest.isDigest(digest) || Tag.isValid(tag) ? Optional.empty()
                    : Optional.of("delete of neither a digest nor a tag");
        }
        return Optional.of("action " + action + " is not handled");
    }

    /** The string value of {@code field}, or null when absent or not a string. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isString() ? v.stringValue() : null;
    }
}
