package io.portus.registry.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentRangeTest {

    @Test
    void inclusiveRangesWithoutUnit() {
        assertThat(ContentRange.parse("0-21")).contains(new ContentRange(0, 21));
        assertThat(ContentRange.parse("22-41").orElseThrow().length()).isEqualTo(20);
        assertThat(ContentRange.parse("5-5").orElseThrow().length()).isEqualTo(1);
        assertThat(ContentRange.parse(" 1-2 ")).contains(new ContentRange(1, 2));
    }

    @Test
    void malformed() {
        for (String h : new String[] {"bytes 0-21", "bytes=0-21", "0-", "-21", "21-0", "a-b", "0-21/42", "",
                "1234567890123456789-1234567890123456790", "0 - 1"}) {
            assertThat(ContentRange.parse(h)).as(h).isEmpty();
        }
        assertThat(ContentRange.parse(null)).isEmpty();
    }
}
