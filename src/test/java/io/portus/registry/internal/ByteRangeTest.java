package io.portus.registry.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ByteRangeTest {

    private static ByteRange.Result parse(String header) {
        return ByteRange.parse(header, 100);
    }

    private static ByteRange partial(String header) {
        ByteRange.Result r = parse(header);
        assertThat(r).as(header).isInstanceOf(ByteRange.Partial.class);
        return ((ByteRange.Partial) r).range();
    }

    @Test
    void satisfiableRanges() {
        assertThat(partial("bytes=0-9")).isEqualTo(new ByteRange(0, 10));
        assertThat(partial("bytes=0-0")).isEqualTo(new ByteRange(0, 1));
        assertThat(partial("bytes=99-99")).isEqualTo(new ByteRange(99, 100));
        assertThat(partial("bytes=50-")).isEqualTo(new ByteRange(50, 100));
        assertThat(partial("bytes=50-1000")).isEqualTo(new ByteRange(50, 100));
        assertThat(partial("bytes=-10")).isEqualTo(new ByteRange(90, 100));
        assertThat(partial("bytes=-1000")).isEqualTo(new ByteRange(0, 100));
        assertThat(partial(" BYTES = 1 - 2 ")).isEqualTo(new ByteRange(1, 3));
        assertThat(partial("bytes=0-9").contentRange(100)).isEqualTo("bytes 0-9/100");
        assertThat(partial("bytes=0-9").length()).isEqualTo(10);
    }

    @Test
    void absentOtherUnitsAndMultipleRangesMeanTheWholeBlob() {
        assertThat(parse(null)).isInstanceOf(ByteRange.Whole.class);
        assertThat(parse(" ")).isInstanceOf(ByteRange.Whole.class);
        assertThat(parse("items=0-1")).isInstanceOf(ByteRange.Whole.class);
        assertThat(parse("bytes=0-1,5-6")).isInstanceOf(ByteRange.Whole.class);
    }

    @Test
    void malformedOrUnsatisfiable() {
        for (String h : new String[] {"bytes=100-", "bytes=100-200", "bytes=5-2", "bytes=-0", "bytes=", "bytes=-",
                "bytes=a-b", "bytes=1-b", "bytes=--1", "bytes=1--2", "0-5", "bytes=99999999999999999999-",
                "bytes=1-99999999999999999999", "bytes=+1-2"}) {
            assertThat(parse(h)).as(h).isInstanceOf(ByteRange.Unsatisfiable.class);
        }
        assertThat(ByteRange.parse("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.parse("bytes=-5", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }
}
