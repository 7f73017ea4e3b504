package io.portus.auth.authn;

import io.portus.auth.Principal;

import java.util.Optional;

/**
 * Refresh tokens of the OAuth2 form of {@code /v2/token}: bound to one user and one service, stored
 * hashed, revoked when the user is disabled or changes password ({@link Principal#credentialsStamp()}).
 */
public interface RefreshTokenStore {

    /**
     * Issues a new opaque refresh token for {@code principal} and {@code service}. One issued from an application
     * token ({@link Principal#restriction()}) keeps that token's scope, ends with it (expiry or deletion) and never
     * outlives it.
     */
    String issue(Principal principal, String service);

    /** The principal a refresh token belongs to, if it is valid for {@code service} and still current. */
    Optional<Principal> redeem(String refreshToken, String service);

    /** {@link #redeem(String, String)} by a client at {@code address} (recorded as the application token's last use). */
    default Optional<Principal> redeem(String refreshToken, String service, String address) {
        return redeem(refreshToken, service);
    }
}
