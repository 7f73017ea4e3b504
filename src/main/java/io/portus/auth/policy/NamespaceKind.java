package io.portus.auth.policy;

import io.portus.namespace.AccessFacts;

/** The namespace a repository is in, relative to the actor. */
public enum NamespaceKind {
    /** The registry's global namespace (repositories without {@code /}). */
    GLOBAL,
    /** The actor's own personal namespace. */
    PERSONAL_OWN,
    /** Another user's personal namespace. */
    PERSONAL_OTHER,
    /** A namespace owned by a (visible) team. */
    TEAM,
    /** No such namespace yet (Portus master: admins may push; it is created with the repository). */
    MISSING;

    /** @param userId the actor, or null for anonymous */
    public static NamespaceKind of(AccessFacts f, Long userId) {
        if (f.global()) {
            return GLOBAL;
        }
        if (f.personalUserId() != null) {
            return f.personalUserId().equals(userId) ? PERSONAL_OWN : PERSONAL_OTHER;
        }
        return TEAM;
    }
}
