package io.portus.account;

import java.time.Instant;

/**
 * An application token as listed (the secret itself is only ever returned once, by {@link NewApplicationToken}).
 *
 * @param ownerName  the owner's user name (for the admin list)
 * @param expiresAt  null: never expires
 * @param scope      null: everything the owner may do (Portus)
 * @param lastUsedAt when it last authenticated (kept to the minute), null if never
 * @param lastUsedIp the client address of that use
 */
public record ApplicationToken(long id, long userId, String ownerName, String application, Instant createdAt,
                               Instant expiresAt, TokenScope scope, Instant lastUsedAt, String lastUsedIp) {

    /** Whether it can no longer be used at {@code now}. */
    public boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
