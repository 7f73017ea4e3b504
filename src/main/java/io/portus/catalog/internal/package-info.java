/**
 * The catalog's machinery: event store and worker, registry access (storage or HTTP with tokens for the
 * {@code portus} user), manifest reading, the repository and tag tables, sync.
 */
package io.portus.catalog.internal;
