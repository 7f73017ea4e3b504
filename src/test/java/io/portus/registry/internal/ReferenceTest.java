package io.portus.registry.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceTest {

    private static String lookupCode(String ref) {
        try {
            Reference.lookup(ref);
            return "ok";
        } catch (RegistryException e) {
            return e.code().name();
        }
    }

    @Test
    void lookupsOfReferencesOutsideTheGrammarAre400() {
        for (String ref : new String[] {"$x", "{x", "<x", "a b", "a\r\nb", "x;y", "a/b", "caf\u00e9", "%zz", "t".repeat(129)}) {
            assertThat(lookupCode(ref)).as(ref).isEqualTo("TAG_INVALID");
        }
        for (String ref : new String[] {"sha256:zz", "md5:x", ":", "a:b", "sha256:" + "A".repeat(64)}) {
            assertThat(lookupCode(ref)).as(ref).isEqualTo("DIGEST_INVALID");
        }
    }

    @Test
    void tagCharactersThatMakeNoTagAreUnknownOnLookupAndInvalidOnPush() {
        assertThat(lookupCode(".INVALID_MANIFEST_NAME")).isEqualTo("MANIFEST_UNKNOWN");
        assertThat(lookupCode("-x")).isEqualTo("MANIFEST_UNKNOWN");
        assertThat(lookupCode("t".repeat(128))).isEqualTo("ok");
        assertThatThrownBy(() -> Reference.push(".x")).isInstanceOfSatisfying(RegistryException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.TAG_INVALID));
        assertThatThrownBy(() -> Reference.push("sha256:x")).isInstanceOfSatisfying(RegistryException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.DIGEST_INVALID));
    }
}
