package io.portus.registry.internal;

import tools.jackson.databind.json.JsonMapper;

/** The registry's JSON mapper (Jackson 3 defaults: ISO-8601 dates, unknown properties tolerated). */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static byte[] bytes(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }
}
