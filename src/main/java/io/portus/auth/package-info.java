/**
 * Docker registry token authentication (docs/compatibility.md#token-endpoint to #permission-matrix;
 * https://distribution.github.io/distribution/spec/auth/token/).
 *
 * <ul>
 *   <li>{@code auth.scope} — parse/format scopes ({@code repository:team/app:pull,push});</li>
 *   <li>{@code auth.authn} — who is it: password (bcrypt, Devise-compatible), application token, lockout;</li>
 *   <li>{@code auth.policy} — which requested actions they get (the Portus permission matrix, a pure function);</li>
 *   <li>{@code auth.token} — the {@code /v2/token} endpoint, JWT issuing and verification, key material;</li>
 *   <li>{@code auth.throttle} — failed authentications counted per client address, shared by instances.</li>
 * </ul>
 * The root package holds the values shared by those parts.
 */
package io.portus.auth;
