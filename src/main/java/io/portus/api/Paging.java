package io.portus.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import java.util.List;

/**
 * Portus's list parameters ({@code page} 1, {@code per_page} 15, {@code all}) and response headers
 * ({@code X-Total}, {@code X-Total-Pages}, {@code X-Page}, {@code X-Per-Page}, {@code X-Next-Page},
 * {@code X-Prev-Page}). The administrative lists are small, so pages are cut in memory.
 */
final class Paging {

    static final int DEFAULT_PER_PAGE = 15;

    private Paging() {
    }

    static <T> ResponseEntity<List<T>> page(List<T> all, ApiParams params) {
        boolean everything = Boolean.TRUE.equals(params.bool("all"));
        long page = orDefault(params.number("page"), 1);
        long perPage = orDefault(params.number("per_page"), DEFAULT_PER_PAGE);
        if (page < 1) {
            throw new ApiParams.ApiParameterException("page", "must be at least 1");
        }
        if (perPage < 1) {
            throw new ApiParams.ApiParameterException("per_page", "must be at least 1");
        }
        if (everything) {
            perPage = Math.max(1, all.size());
            page = 1;
        }
        int total = all.size();
        long pages = Math.max(1, (total + perPage - 1) / perPage);
        int from = (int) Math.min(total, (page - 1) * perPage);
        int to = (int) Math.min(total, from + perPage);
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Total", Integer.toString(total));
        headers.set("X-Total-Pages", Long.toString(pages));
        headers.set("X-Page", Long.toString(page));
        headers.set("X-Per-Page", Long.toString(perPage));
        headers.set("X-Next-Page", page < pages ? Long.toString(page + 1) : "");
        headers.set("X-Prev-Page", page > 1 ? Long.toString(page - 1) : "");
        return ResponseEntity.ok().headers(headers).body(all.subList(from, to));
    }

    private static long orDefault(Long value, long defaultValue) {
        return value == null ? defaultValue : value;
    }
}
