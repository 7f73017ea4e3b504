package io.portus.auth.policy;

import io.portus.account.User;

/** Who asks, as the policy distinguishes them. */
public enum ActorKind {
    ANONYMOUS, USER, ADMIN,
    /** The hidden {@code portus} service user: an admin that may also pull everything. */
    PORTUS;

    /** @param user null for anonymous */
    public static ActorKind of(User user) {
        return user == null ? ANONYMOUS : user.portus() ? PORTUS : user.admin() ? ADMIN : USER;
    }

    boolean admin() {
        return this == ADMIN || this == PORTUS;
    }
}
