package io.portus.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Portus's {@code pagination} section ({@code PORTUS_PAGINATION_PER_PAGE}, {@code PORTUS_PAGINATION_BEFORE_AFTER}),
 * shared by the API (the default {@code per_page}) and the UI's lists.
 *
 * @param perPage     entries per page when the request does not say (Portus: 10)
 * @param beforeAfter Portus's numbered page links before the current page (2) in the UI's pager, which also links the
 *                    next page when there is one (lists are read without a row count, so later pages are unknown)
 */
@ConfigurationProperties("portus.pagination")
public record PaginationProperties(@DefaultValue("10") int perPage, @DefaultValue("2") int beforeAfter) {

    public static final PaginationProperties DEFAULTS = new PaginationProperties(10, 2);
}
