package io.portus.namespace;

import java.time.Instant;

/** A namespace with the name and kind of its owning team. */
public record Namespace(long id, String name, String description, long teamId, String teamName, boolean teamHidden,
                        Long personalUserId, long registryId, Visibility visibility, boolean global,
                        Instant createdAt, Instant updatedAt) {

    /** A personal namespace (owned by a user's hidden personal team). */
    public boolean personal() {
        return personalUserId != null && !global;
    }
}
