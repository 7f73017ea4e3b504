package io.portus.auth;

/**
 * An authenticated user as the token service sees it. Anonymous requests have no principal.
 *
 * @param credentialsStamp changes whenever the user's password changes or the user is disabled; refresh
 *                         tokens and cached credentials are bound to it
 * @param restriction      the application token the user signed in with (its scope and expiry), or null for a
 *                         password (or Portus's own calls): grants are then what the user may do
 */
public record Principal(long userId, String username, boolean admin, String credentialsStamp,
                        TokenRestriction restriction) {

    /** A principal that signed in with a password: no restriction. */
    public Principal(long userId, String username, boolean admin, String credentialsStamp) {
        this(userId, username, admin, credentialsStamp, null);
    }

    /** Whether grants are cut to a token scope. */
    public boolean scoped() {
        return restriction != null && restriction.scope() != null;
    }
}
