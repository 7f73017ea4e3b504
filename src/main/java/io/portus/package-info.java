/**
 * The application's entry point ({@link io.portus.Application}): one Spring Boot process that is the
 * registry, the token service, the catalog and the UI. Every feature lives in a module below this
 * package; docs/architecture.md#module-rules says which may depend on which, and {@code ArchitectureTest} checks it.
 */
package io.portus;
