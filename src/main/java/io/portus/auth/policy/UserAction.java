package io.portus.auth.policy;

/** What a user may do with user accounts and the rest of the administration (registries, activities). */
public enum UserAction implements Action {
    /** The admin pages and admin-only API: users, registries, activities, every tag. */
    ADMINISTER,
    /** Enable a disabled account. */
    ENABLE,
    /** Disable an account (one's own included). */
    DISABLE,
    /** List, create and delete the application tokens of an account. */
    MANAGE_APPLICATION_TOKENS
}
