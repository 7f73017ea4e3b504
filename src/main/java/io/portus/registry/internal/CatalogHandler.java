package io.portus.registry.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.portus.storage.RegistryStorage;

/**
 * {@code GET /v2/_catalog?n=&last=}: repository names, sorted, in pages of at most 1000 (distribution's
 * default and maximum; a larger {@code n} is reduced to 1000), with a {@code Link} to the next page.
 */
final class CatalogHandler implements Handler {

    static final int MAX_PAGE = 1000;

    private final RegistryStorage storage;

    CatalogHandler(RegistryStorage storage) {
        this.storage = storage;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        Integer requested = Pagination.size(ex.query);
        int n = requested == null ? MAX_PAGE : Math.min(requested, MAX_PAGE);
        String last = ex.query.first("last");
        List<String> page = n == 0 ? List.of() : storage.repositories(last == null || last.isEmpty() ? null : last, n + 1);
        if (page.size() > n) {
            page = page.subList(0, n);
            Pagination.link(ex, "/v2/_catalog", n, page);
        }
        ex.sendJson(200, Map.of("repositories", page));
    }
}
