package io.portus.account;

import java.time.Instant;

/**
 * The application token a secret matched (only tokens not yet expired match).
 *
 * @param scope      null: everything the owner may do
 * @param expiresAt  null: never
 * @param lastUsedAt as stored, to write the last use at most once a minute
 */
public record MatchedToken(long id, TokenScope scope, Instant expiresAt, Instant lastUsedAt) {

    /** Neither scoped nor expiring: a Portus token. */
    public boolean unrestricted() {
        return scope == null && expiresAt == null;
    }
}
