package io.portus.auth.policy;

/** What a user may do with a namespace itself (its content is {@link RepositoryAction}). */
public enum NamespaceAction implements Action {
    /** See it (Portus's {@code show?} = {@code pull?}). */
    SHOW,
    /** Create it, asked with the facts it would have (private, owned by the chosen team). */
    CREATE,
    /** Rename or describe it. */
    UPDATE,
    CHANGE_VISIBILITY,
    /** Move it to another team (the service refuses it for global and personal namespaces). */
    CHANGE_TEAM,
    /** Delete it (the service refuses personal namespaces: they go with their user). */
    DELETE
}
