package io.portus.auth.policy;

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
    MISSING
}
