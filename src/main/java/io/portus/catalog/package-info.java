/**
 * The catalog: repositories and tags of every registry, fed by registry events (stored durably by
 * {@link io.portus.catalog.EventInbox} and the built-in registry's listener, applied by a worker after
 * checking them against the registry), reconciled by a sync, deleted through the registry. Changes are
 * published as {@link io.portus.catalog.CatalogEvents}.
 */
package io.portus.catalog;
