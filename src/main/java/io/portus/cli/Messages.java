package io.portus.cli;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The message of an API error body in Portus's shapes ({@code {"error": "…"}}, {@code {"errors": {"name":
 * ["is missing"]}}}, {@code {"message": "…"}}) as one line, e.g. {@code name is missing; email is invalid}.
 */
final class Messages {

    private static final int MAX = 500;

    private Messages() {
    }

    static String of(JsonNode body, String raw) {
        List<String> parts = new ArrayList<>();
        if (body != null && body.isObject()) {
            for (String key : List.of("error", "errors", "message", "messages")) {
                collect("", body.get(key), parts);
            }
        }
        if (parts.isEmpty()) {
            parts.add(raw == null || raw.isBlank() ? "(no message)" : raw.strip());
        }
        String line = String.join("; ", parts).replaceAll("\\s+", " ");
        return line.length() > MAX ? line.substring(0, MAX) + "…" : line;
    }

    private static void collect(String field, JsonNode node, List<String> into) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                collect(e.getKey(), e.getValue(), into);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                collect(field, item, into);
            }
        } else {
            into.add(field.isEmpty() ? node.asString() : field + " " + node.asString());
        }
    }
}
