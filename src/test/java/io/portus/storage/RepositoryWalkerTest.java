package io.portus.storage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepositoryWalkerTest {

    @Test
    void mayHoldNamesAfterPrunesOnlySubtreesThatSortBefore() {
        assertThat(RepositoryWalker.mayHoldNamesAfter("a", null)).isTrue();
        assertThat(RepositoryWalker.mayHoldNamesAfter("b", "a/z")).isTrue();
        assertThat(RepositoryWalker.mayHoldNamesAfter("a", "a/b")).isTrue();
        assertThat(RepositoryWalker.mayHoldNamesAfter("a", "a-b")).isTrue(); // "a/x" > "a-b"
        assertThat(RepositoryWalker.mayHoldNamesAfter("a-b", "a/b")).isFalse();
        assertThat(RepositoryWalker.mayHoldNamesAfter("a", "b")).isFalse();
    }
}
