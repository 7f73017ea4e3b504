package io.portus.registry.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.portus.storage.RegistryStorage;

/**
 * {@code GET /v2/<name>/tags/list?n=&last=}: tags in lexical order; {@code last} starts strictly after a
 * tag, {@code n} limits the page ({@code n=0}: empty, no Link) and a {@code Link} points at the next page.
 */
final class TagsHandler implements Handler {

    private final RegistryStorage storage;

    TagsHandler(RegistryStorage storage) {
        this.storage = storage;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        Integer n = Pagination.size(ex.query);
        List<String> tags = storage.tags(ex.repo()).orElseThrow(() -> new RegistryException(ErrorCode.NAME_UNKNOWN,
                "repository name not known to registry", Map.of("name", ex.repo().value())));
        String last = ex.query.first("last");
        List<String> page = tags.stream().sorted()
                .filter(t -> last == null || last.isEmpty() || t.compareTo(last) > 0)
                .toList();
        if (n != null && page.size() > n) {
            page = page.subList(0, n);
            if (n > 0) {
                Pagination.link(ex, "/v2/" + ex.repo() + "/tags/list", n, page);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", ex.repo().value());
        body.put("tags", page);
        ex.sendJson(200, body);
    }
}
