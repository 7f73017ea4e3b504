package io.portus.auth.policy;

/** Who asks, as the matrix distinguishes them. */
public enum ActorKind {
    ANONYMOUS, USER, ADMIN,
    /** The hidden {@code portus} service user: an admin that may also pull everything. */
    PORTUS
}
