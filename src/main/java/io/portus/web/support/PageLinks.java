package io.portus.web.support;

import java.util.ArrayList;
import java.util.List;

import io.portus.common.Slice;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pager of a list: Previous/Next (the other query parameters kept), a "21–40" label and numbered links, Portus's
 * {@code pagination.before_after}: up to that many pages before the current one, and the next page when there is
 * one. Lists are read without counting every row ({@link Slice}), so pages further on are not known.
 */
public record PageLinks(String prev, String next, String label, List<Number> numbers) {

    /** A numbered page link; {@code href} is null for the current page. */
    public record Number(int page, String href) {
    }

    public static PageLinks of(Slice<?> slice, String pathAndQuery, int beforeAfter) {
        int limit = slice.limit();
        int offset = slice.offset();
        String prev = offset > 0 ? with(pathAndQuery, Math.max(0, offset - limit)) : null;
        String next = slice.more() ? with(pathAndQuery, offset + limit) : null;
        String label = slice.isEmpty() ? "none" : (offset + 1) + "–" + (offset + slice.items().size());
        int current = (offset + limit - 1) / limit + 1;
        List<Number> numbers = new ArrayList<>();
        for (int k = Math.min(beforeAfter, current - 1); k >= 1; k--) {
            numbers.add(new Number(current - k, with(pathAndQuery, Math.max(0, offset - k * limit))));
        }
        numbers.add(new Number(current, null));
        if (next != null && beforeAfter > 0) {
            numbers.add(new Number(current + 1, next));
        }
        return new PageLinks(prev, next, label, List.copyOf(numbers));
    }

    public boolean any() {
        return prev != null || next != null;
    }

    private static String with(String pathAndQuery, int offset) {
        UriComponentsBuilder b = UriComponentsBuilder.fromUriString(pathAndQuery);
        return (offset == 0 ? b.replaceQueryParam("offset") : b.replaceQueryParam("offset", offset)).build().toUriString();
    }
}
