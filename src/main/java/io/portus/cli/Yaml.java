package io.portus.cli;

import tools.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A JSON tree as YAML (block style), for {@code --format yaml}. Every string is written double-quoted with JSON's
 * escapes, which YAML reads back as the same string whatever it holds ({@code yes}, {@code 1e3}, {@code :},
 * newlines), so the output is valid YAML without a YAML library.
 */
final class Yaml {

    private Yaml() {
    }

    static String of(JsonNode node) {
        StringBuilder out = new StringBuilder();
        if (node.isContainer() && !node.isEmpty()) {
            block(node, 0, out);
        } else {
            out.append(scalar(node)).append('\n');
        }
        return out.toString();
    }

    private static void block(JsonNode node, int indent, StringBuilder out) {
        String pad = " ".repeat(indent);
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.append(pad).append(key(e.getKey())).append(':');
                value(e.getValue(), indent, out);
            }
        } else {
            for (JsonNode item : node) {
                out.append(pad).append('-');
                value(item, indent, out);
            }
        }
    }

    private static void value(JsonNode value, int indent, StringBuilder out) {
        if (value.isContainer() && !value.isEmpty()) {
            out.append('\n');
            block(value, indent + 2, out);
        } else {
            out.append(' ').append(scalar(value)).append('\n');
        }
    }

    /** A plain key when it cannot be read as anything but a string, else quoted. */
    static String key(String key) {
        boolean plain = key.matches("[A-Za-z_][A-Za-z0-9_-]*")
                && !key.matches("(?i)y|n|yes|no|on|off|true|false|null");
        return plain ? key : ApiClient.JSON.writeValueAsString(key);
    }

    private static String scalar(JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isContainer()) {
            return node.isArray() ? "[]" : "{}";
        }
        if (node.isString()) {
            return ApiClient.JSON.writeValueAsString(node.asString());
        }
        return node.asString();
    }
}
