package io.portus.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The request's parameters as Grape merges them: query string, form fields and a JSON body, with nested
 * JSON objects flattened to Rails-style keys ({@code {"user":{"username":"x"}}} → {@code user[username]}).
 * Missing required or malformed values give a 400 with Portus's {@code {"errors": {...}}}.
 */
final class ApiParams {

    private final Map<String, String> values;
    private final int defaultPerPage;

    /** @param defaultPerPage {@code per_page} of a list when the request does not say (portus.pagination.per-page) */
    ApiParams(Map<String, String> values, int defaultPerPage) {
        this.values = Map.copyOf(values);
        this.defaultPerPage = defaultPerPage;
    }

    int defaultPerPage() {
        return defaultPerPage;
    }

    Optional<String> optional(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Whether a JSON object was given under {@code key} (flattened to {@code key[...]}). */
    boolean nested(String key) {
        return values.keySet().stream().anyMatch(k -> k.startsWith(key + "["));
    }

    /** The value, or null when absent. */
    String string(String key) {
        return values.get(key);
    }

    String required(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new ApiParameterException(key, "is missing");
        }
        return value;
    }

    Boolean bool(String key) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new ApiParameterException(key, "is invalid");
        };
    }

    Long number(String key) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ApiParameterException(key, "is invalid");
        }
    }

    /** A bad or missing parameter: 400. */
    static final class ApiParameterException extends RuntimeException {

        private final Map<String, List<String>> errors;

        ApiParameterException(String key, String message) {
            super(key + " " + message, null, false, false);
            this.errors = Map.of(key, List.of(message));
        }

        Map<String, List<String>> errors() {
            return errors;
        }
    }
}
