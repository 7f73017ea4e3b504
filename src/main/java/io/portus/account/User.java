package io.portus.account;

import java.time.Instant;

/** A user as the rest of the application sees it (never the password hash). */
public record User(long id, String username, String email, String displayName, boolean admin, boolean enabled,
                   boolean bot, Long namespaceId, Instant lockedUntil, Instant createdAt, Instant updatedAt) {

    /** The name of the hidden service user Portus uses to talk to its registries. */
    public static final String PORTUS = "portus";

    public boolean portus() {
        return PORTUS.equals(username);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
