/**
 * Who is it: {@link io.portus.auth.authn.CredentialsAuthenticator} (application token first, then the
 * bcrypt password, with a short-lived cache of successful verifications) and
 * {@link io.portus.auth.authn.RefreshTokenStore}. Implementations are in {@code internal}, on top of the
 * account module.
 */
package io.portus.auth.authn;
