package io.portus.auth;

/**
 * An authenticated user as the token service sees it. Anonymous requests have no principal.
 *
 * @param credentialsStamp changes whenever the user's password changes or the user is disabled; refresh
 *                         tokens and cached credentials are bound to it
 */
public record Principal(long userId, String username, boolean admin, String credentialsStamp) {
}
