/**
 * Scopes of Docker token auth: the {@link io.portus.auth.scope.Scope} value and its grammar
 * ({@link io.portus.auth.scope.Scopes}: parse, merge, format).
 */
package io.portus.auth.scope;
