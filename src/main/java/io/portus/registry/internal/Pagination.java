package io.portus.registry.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The {@code n}/{@code last} parameters of the tags list and catalog, and their {@code Link} header. */
final class Pagination {

    private Pagination() {
    }

    /** The {@code n} parameter, or null when absent; 400 PAGINATION_NUMBER_INVALID unless a number ≥ 0. */
    static Integer size(Query query) {
        String n = query.first("n");
        if (n == null || n.isEmpty()) {
            return null;
        }
        try {
            int value = Integer.parseInt(n);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new RegistryException(ErrorCode.PAGINATION_NUMBER_INVALID, "n must be a number from 0 up",
                Map.of("n", n.length() > 40 ? n.substring(0, 40) : n));
    }

    /** Adds {@code Link: <path?n=N&last=X>; rel="next"} to the response. */
    static void link(Exchange ex, String path, int n, List<String> page) {
        String last = URLEncoder.encode(page.getLast(), StandardCharsets.UTF_8);
        ex.header("Link", "<" + path + "?n=" + n + "&last=" + last + ">; rel=\"next\"");
    }
}
