package io.portus.registry;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A response as the protocol tests see it. */
record Response(int status, Map<String, List<String>> headers, byte[] body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    Response {
        Map<String, List<String>> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ci.putAll(headers);
        headers = ci;
    }

    /** First value of a header, or null. */
    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
        return JSON.readTree(body);
    }

    /** The first error code of an error envelope. */
    String errorCode() {
        return json().path("errors").path(0).path("code").asString();
    }
}
