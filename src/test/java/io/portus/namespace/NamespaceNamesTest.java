package io.portus.namespace;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NamespaceNamesTest {

    @Test
    void validNamesAreFirstComponentsOfDistributionRepositoryNames() {
        assertThat(NamespaceNames.valid("team-a")).isTrue();
        assertThat(NamespaceNames.valid("a.b_c-d9")).isTrue();
        assertThat(NamespaceNames.valid("Team")).isFalse();
        assertThat(NamespaceNames.valid("a--b")).isFalse();
        assertThat(NamespaceNames.valid("-a")).isFalse();
        assertThat(NamespaceNames.valid("a\\b")).isFalse();
        assertThat(NamespaceNames.valid("a/b")).isFalse();
        assertThat(NamespaceNames.valid("")).isFalse();
        assertThat(NamespaceNames.valid("a".repeat(256))).isFalse();
    }

    @Test
    void problemsReadLikePortusMessages() {
        assertThat(NamespaceNames.problem("ok")).isEmpty();
        assertThat(NamespaceNames.problem(" ")).contains("can't be blank");
        assertThat(NamespaceNames.problem("Bad Name")).get().asString().startsWith("can only contain");
        assertThat(NamespaceNames.problem("portus_global_namespace_9")).contains("is reserved");
    }

    @Test
    void makeValidNormalisesUserNamesAsPortusDoes() {
        assertThat(NamespaceNames.makeValid("John.Doe", n -> false)).contains("john.doe");
        assertThat(NamespaceNames.makeValid("__Mary@Example.com!!", n -> false)).contains("mary_example.com");
        assertThat(NamespaceNames.makeValid("a..--b", n -> false)).contains("a_b");
        assertThat(NamespaceNames.makeValid("!!!", n -> false)).isEmpty();
        assertThat(NamespaceNames.makeValid("alice", Set.of("alice", "alice0")::contains)).contains("alice1");
    }
}
