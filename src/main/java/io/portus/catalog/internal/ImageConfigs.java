package io.portus.catalog.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.portus.catalog.TagDetails.Config;
import io.portus.catalog.TagDetails.Layer;
import io.portus.catalog.TagDetails.Step;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an image configuration (OCI {@code application/vnd.oci.image.config.v1+json} or Docker's
 * {@code container.image.v1+json}: the same fields) and pairs its history with the manifest's layers: each step
 * that is not an {@code empty_layer} made the next layer.
 */
final class ImageConfigs {

    /** A parsed configuration: how the image runs, and how it was built. */
    record Parsed(Config config, List<Step> history) {
    }

    private ImageConfigs() {
    }

    static Parsed parse(JsonMapper json, byte[] bytes, List<Layer> layers) {
        JsonNode root = json.readTree(bytes);
        JsonNode c = root.path("config");
        Config config = new Config(RegistryEvents.text(root, "os"), RegistryEvents.text(root, "architecture"),
                RegistryEvents.text(root, "variant"), time(RegistryEvents.text(root, "created")),
                RegistryEvents.text(root, "author"), blankToNull(RegistryEvents.text(c, "User")),
                blankToNull(RegistryEvents.text(c, "WorkingDir")), strings(c.path("Entrypoint")),
                strings(c.path("Cmd")), strings(c.path("Env")), Referrers.annotations(c.path("Labels")),
                names(c.path("ExposedPorts")), names(c.path("Volumes")), RegistryEvents.text(c, "StopSignal"));
        List<Step> history = new ArrayList<>();
        Iterator<Layer> next = layers.iterator();
        for (JsonNode h : root.path("history")) {
            boolean empty = h.path("empty_layer").asBoolean(false);
            Layer layer = !empty && next.hasNext() ? next.next() : null;
            history.add(new Step(time(RegistryEvents.text(h, "created")), RegistryEvents.text(h, "created_by"),
                    RegistryEvents.text(h, "comment"), layer));
        }
        return new Parsed(config, history);
    }

    private static List<String> strings(JsonNode array) {
        List<String> all = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(n -> all.add(n.isString() ? n.stringValue() : n.toString()));
        }
        return all;
    }

    /** The keys of an object such as {@code {"80/tcp": {}}}. */
    private static List<String> names(JsonNode object) {
        List<String> all = new ArrayList<>();
        if (object.isObject()) {
            object.properties().forEach(e -> all.add(e.getKey()));
        }
        return all;
    }

    private static Instant time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
