package io.portus.auth.token;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TokenGetFilterTest {

    @Test
    void writesAnyStringAsValidJson() {
        String odd = "a\"b\\c\u0001d\ne-é/";
        String json = TokenResponses.string(new StringBuilder("{"), "v", odd).append('}').toString();
        assertThat(JsonMapper.builder().build().readTree(json).get("v").asString()).isEqualTo(odd);
    }

    @Test
    void writesAJwsAsItIs() {
        String jws = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl-_";
        assertThat(TokenResponses.string(new StringBuilder(), "token", jws).toString())
                .isEqualTo("\"token\":\"" + jws + "\"");
    }
}
