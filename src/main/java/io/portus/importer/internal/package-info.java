/** The import's internals: reading Portus's tables, one importer per table group, the id map. */
package io.portus.importer.internal;
