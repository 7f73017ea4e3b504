package io.portus.auth.policy;

/** What a user may do with user accounts and the rest of the administration (registries, activities). */
public enum UserAction implements Action {
    /** The admin pages and admin-only API: users, registries, activities. */
    ADMINISTER
}
