package io.portus.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Portus's {@code pagination} section ({@code PORTUS_PAGINATION_PER_PAGE}, {@code PORTUS_PAGINATION_BEFORE_AFTER}),
 * shared by the API (the default {@code per_page}) and the UI's lists.
 *
 * @param perPage     entries per page when the request does not say (Portus: 10)
 * @param beforeAfter Portus's page links before and after the current page (2), accepted for Portus's configurations;
 *                    the UI's pager (Previous/Next, no row count) does not use it
 */
@ConfigurationProperties("portus.pagination")
public record PaginationProperties(@DefaultValue("10") int perPage, @DefaultValue("2") int beforeAfter) {

    public static final PaginationProperties DEFAULTS = new PaginationProperties(10, 2);
}
