package io.portus.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdTest {

    @Test
    void aShortSafeIncomingIdIsKept() {
        assertThat(RequestId.acceptOrNew("0af7651916cd43dd8448eb211c80319c")).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(RequestId.acceptOrNew("Root=1-67891233-abcdef012345678912345678")).isEqualTo("Root=1-67891233-abcdef012345678912345678");
    }

    @Test
    void anythingElseGetsANewUuid() {
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
        assertThat(RequestId.acceptOrNew(null)).matches(uuid);
        assertThat(RequestId.acceptOrNew("")).matches(uuid);
        assertThat(RequestId.acceptOrNew("a b")).matches(uuid);
        assertThat(RequestId.acceptOrNew("x\r\nSet-Cookie: a=b")).matches(uuid);
        assertThat(RequestId.acceptOrNew("\"quoted\"")).matches(uuid);
        assertThat(RequestId.acceptOrNew("a".repeat(RequestId.MAX_LENGTH))).hasSize(RequestId.MAX_LENGTH);
        assertThat(RequestId.acceptOrNew("a".repeat(RequestId.MAX_LENGTH + 1))).matches(uuid);
        assertThat(RequestId.acceptOrNew(null)).isNotEqualTo(RequestId.acceptOrNew(null));
    }
}
