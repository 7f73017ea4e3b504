package io.portus.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import io.portus.common.Slice;
import org.junit.jupiter.api.Test;

/** The pager's numbered links follow Portus's {@code pagination.before_after}; other query parameters are kept. */
class PageLinksTest {

    @Test
    void numbersUpToBeforeAfterPagesBeforeTheCurrentOneAndTheNextOne() {
        PageLinks links = PageLinks.of(slice(30, 10, true), "/admin/users?q=a&offset=30", 2);
        assertThat(links.numbers()).containsExactly(new PageLinks.Number(2, "/admin/users?q=a&offset=10"),
                new PageLinks.Number(3, "/admin/users?q=a&offset=20"), new PageLinks.Number(4, null),
                new PageLinks.Number(5, "/admin/users?q=a&offset=40"));
        assertThat(links.prev()).isEqualTo("/admin/users?q=a&offset=20");
        assertThat(links.label()).isEqualTo("31–40");
    }

    @Test
    void theFirstPageLinksWithoutAnOffsetAndTheLastHasNoNext() {
        assertThat(PageLinks.of(slice(10, 10, false), "/teams?offset=10", 2).numbers())
                .containsExactly(new PageLinks.Number(1, "/teams"), new PageLinks.Number(2, null));
        assertThat(PageLinks.of(slice(0, 10, true), "/teams", 0).numbers()).containsExactly(new PageLinks.Number(1, null));
    }

    private static Slice<String> slice(int offset, int limit, boolean more) {
        List<String> items = Collections.nCopies(limit, "x");
        return new Slice<>(items, offset, limit, more);
    }
}
