package io.portus.auth.policy;

/** What a user may do with a team. */
public enum TeamAction implements Action {
    /** Create a team owned by oneself. */
    CREATE,
    /** Create a team owned by someone else. */
    CREATE_FOR_OTHERS,
    /** See it and its members. */
    SHOW,
    /** Rename or describe it. */
    UPDATE,
    /** Add and remove members and change their roles. */
    MANAGE_MEMBERS,
    /** Delete it (the service refuses it while it still owns namespaces). */
    DELETE
}
