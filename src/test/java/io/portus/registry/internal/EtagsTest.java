package io.portus.registry.internal;

import io.portus.storage.Digest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EtagsTest {

    private final Digest d = Digest.sha256("x".getBytes());

    @Test
    void matchesQuotedWeakListedAndStar() {
        assertThat(Etags.matches("\"" + d + "\"", d)).isTrue();
        assertThat(Etags.matches(d.toString(), d)).isTrue();
        assertThat(Etags.matches("W/\"" + d + "\"", d)).isTrue();
        assertThat(Etags.matches("\"a\", \"" + d + "\"", d)).isTrue();
        assertThat(Etags.matches("*", d)).isTrue();
    }

    @Test
    void otherValuesDoNotMatch() {
        assertThat(Etags.matches(null, d)).isFalse();
        assertThat(Etags.matches("", d)).isFalse();
        assertThat(Etags.matches("\"sha256:other\"", d)).isFalse();
        assertThat(Etags.matches("\"", d)).isFalse();
    }
}
