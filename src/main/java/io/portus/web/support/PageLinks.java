package io.portus.web.support;

import io.portus.common.Slice;
import org.springframework.web.util.UriComponentsBuilder;

/** Previous/next links of a paged list (the other query parameters kept), and a "21–40" label. */
public record PageLinks(String prev, String next, String label) {

    public static PageLinks of(Slice<?> slice, String pathAndQuery) {
        String prev = slice.offset() > 0 ? with(pathAndQuery, Math.max(0, slice.offset() - slice.limit())) : null;
        String next = slice.more() ? with(pathAndQuery, slice.offset() + slice.limit()) : null;
        String label = slice.isEmpty() ? "none" : (slice.offset() + 1) + "–" + (slice.offset() + slice.items().size());
        return new PageLinks(prev, next, label);
    }

    public boolean any() {
        return prev != null || next != null;
    }

    private static String with(String pathAndQuery, int offset) {
        UriComponentsBuilder b = UriComponentsBuilder.fromUriString(pathAndQuery);
        return (offset == 0 ? b.replaceQueryParam("offset") : b.replaceQueryParam("offset", offset)).build().toUriString();
    }
}
