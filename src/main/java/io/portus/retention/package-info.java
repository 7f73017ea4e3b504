/**
 * Tag cleanup: Portus's automatic tag expiry ({@code portus.delete.garbage-collector.*}) and per-namespace
 * retention rules combined as Harbor does. Both choose tags with the same pure selection
 * ({@code internal.Selection}), never delete a tag whose digest a kept tag shares, and delete through
 * {@link io.portus.catalog.CatalogDeletes} as the hidden {@code portus} user (registry first, activities as
 * for any delete). docs/retention.md describes the semantics.
 */
package io.portus.retention;
