/**
 * Moving from Portus: {@link io.portus.importer.PortusImport} (run by the CLI's {@code import-portus} verb) copies a
 * Portus 2.x database into this project's tables. It writes with plain SQL, not through the domain services,
 * because it copies history: no activity, webhook or mail may fire for it. The one rule it shares with the
 * account module, how Portus hashed application tokens, lives there ({@link io.portus.account.PortusTokenHashes}).
 */
package io.portus.importer;
