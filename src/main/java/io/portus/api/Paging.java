package io.portus.api;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import io.portus.common.Page;
import io.portus.common.PageQuery;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Portus's list parameters ({@code page} 1, {@code per_page} Portus's {@code pagination.per_page} (10), {@code all},
 * {@code sort_attr} id,
 * {@code sort_order} asc) and response headers ({@code X-Total}, {@code X-Total-Pages}, {@code X-Page},
 * {@code X-Per-Page}, {@code X-Next-Page}, {@code X-Prev-Page}). Pages are read in the database; a sort
 * attribute outside the resource's whitelist or an order other than asc/desc is a 400.
 */
final class Paging {

    private Paging() {
    }

    /** A page sorted by {@code id} ascending unless the request says otherwise. */
    static <T> ResponseEntity<List<T>> page(ApiParams params, Set<String> sortable, Function<PageQuery, Page<T>> read) {
        return page(params, sortable, true, read);
    }

    static <T> ResponseEntity<List<T>> page(ApiParams params, Set<String> sortable, boolean ascendingByDefault,
                                            Function<PageQuery, Page<T>> read) {
        boolean everything = Boolean.TRUE.equals(params.bool("all"));
        long page = orDefault(params.number("page"), 1);
        long perPage = orDefault(params.number("per_page"), params.defaultPerPage());
        if (page < 1) {
            throw new ApiParams.ApiParameterException("page", "must be at least 1");
        }
        if (perPage < 1) {
            throw new ApiParams.ApiParameterException("per_page", "must be at least 1");
        }
        String attribute = params.optional("sort_attr").map(String::trim).filter(s -> !s.isEmpty()).orElse("id");
        if (!sortable.contains(attribute)) {
            throw new ApiParams.ApiParameterException("sort_attr", "must be one of " + String.join(", ", sortable));
        }
        boolean ascending = switch (params.optional("sort_order").map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("")) {
            case "" -> ascendingByDefault;
            case "asc" -> true;
            case "desc" -> false;
            default -> throw new ApiParams.ApiParameterException("sort_order", "must be asc or desc");
        };
        if (everything) {
            page = 1;
        }
        long offset = (page - 1) * perPage;
        if (!everything && offset > Integer.MAX_VALUE) {
            throw new ApiParams.ApiParameterException("page", "is too large");
        }
        Page<T> result = read.apply(new PageQuery(everything ? 0 : (int) offset,
                everything ? null : (int) Math.min(perPage, Integer.MAX_VALUE), attribute, ascending));
        long total = result.total();
        if (everything) {
            perPage = Math.max(1, total);
        }
        long pages = Math.max(1, (total + perPage - 1) / perPage);
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Total", Long.toString(total));
        headers.set("X-Total-Pages", Long.toString(pages));
        headers.set("X-Page", Long.toString(page));
        headers.set("X-Per-Page", Long.toString(perPage));
        headers.set("X-Next-Page", page < pages ? Long.toString(page + 1) : "");
        headers.set("X-Prev-Page", page > 1 ? Long.toString(page - 1) : "");
        return ResponseEntity.ok().headers(headers).body(result.items());
    }

    private static long orDefault(Long value, long defaultValue) {
        return value == null ? defaultValue : value;
    }
}
