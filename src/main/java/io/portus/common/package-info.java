/**
 * Small values shared by the domain modules: the domain's error types (mapped to HTTP by {@code api}
 * and {@code web}) and secret-token helpers. No Spring, no web, no domain knowledge.
 */
package io.portus.common;
