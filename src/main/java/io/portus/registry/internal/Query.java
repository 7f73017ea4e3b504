package io.portus.registry.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed query string. Read from {@code getQueryString()} only: calling {@code getParameter} would make
 * Tomcat consume a form-encoded request body, which is blob data here. Values are URL-decoded
 * ({@code sha256%3A...}); unknown parameters are kept and ignored by the handlers.
 */
final class Query {

    private static final Query EMPTY = new Query(Map.of());

    private final Map<String, List<String>> values;

    private Query(Map<String, List<String>> values) {
        this.values = values;
    }

    static Query parse(String queryString) {
        if (queryString == null || queryString.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return new Query(values);
    }

    /** The first value of a parameter, or null when absent. */
    String first(String name) {
        List<String> list = values.get(name);
        return list == null ? null : list.getFirst();
    }

    /** Every value of a parameter, in order. */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
