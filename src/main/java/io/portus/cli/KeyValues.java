package io.portus.cli;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * portusctl's {@code key=value} arguments: parsed in order (a key given twice is a usage error), sent as a JSON
 * object, flat or wrapped under the resource's name ({@code {"user": {"username": …}}}).
 */
final class KeyValues {

    private KeyValues() {
    }

    static Map<String, String> parse(List<String> arguments) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String argument : arguments) {
            int eq = argument.indexOf('=');
            if (eq <= 0) {
                throw CliFailure.usage("'" + argument + "' is not key=value (e.g. name=qa)");
            }
            String key = argument.substring(0, eq).strip();
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw CliFailure.usage("'" + key + "' is not a field name (letters, digits and _)");
            }
            if (values.putIfAbsent(key, argument.substring(eq + 1)) != null) {
                throw CliFailure.usage(key + " is given twice");
            }
        }
        return values;
    }

    /** The JSON body: the values as strings (the API reads numbers and booleans from strings), maybe wrapped. */
    static ObjectNode body(Map<String, String> values, String wrap) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        values.forEach(fields::put);
        if (wrap == null) {
            return fields;
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set(wrap, fields);
        return body;
    }

    static void require(Map<String, String> values, String... keys) {
        for (String key : keys) {
            if (!values.containsKey(key)) {
                throw CliFailure.usage(key + "=… is required");
            }
        }
    }
}
