package io.portus.registry.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryTest {

    @Test
    void decodesValuesAndKeepsRepeatedParameters() {
        Query q = Query.parse("_state=a%2Fb&digest=sha256%3Aabc&artifactType=x&artifactType=y+z&flag");
        assertThat(q.first("digest")).isEqualTo("sha256:abc");
        assertThat(q.first("_state")).isEqualTo("a/b");
        assertThat(q.all("artifactType")).containsExactly("x", "y z");
        assertThat(q.has("flag")).isTrue();
        assertThat(q.first("flag")).isEmpty();
        assertThat(q.first("missing")).isNull();
    }

    @Test
    void emptyAndMalformedQueriesDoNotThrow() {
        assertThat(Query.parse(null).has("x")).isFalse();
        assertThat(Query.parse("").has("x")).isFalse();
        assertThat(Query.parse("&&=&digest=%zz&n=%").first("digest")).isEqualTo("%zz");
        assertThat(Query.parse("n=%").first("n")).isEqualTo("%");
        assertThat(Query.parse("=v").first("")).isEqualTo("v");
    }
}
