package io.portus.namespace;

import io.portus.account.User;

/**
 * The pull/push part of the permission matrix, as the namespace module needs it for "show" and "create"
 * (implemented by {@code auth.policy}, which owns the matrix).
 */
public interface NamespacePolicy {

    /** @param user null for anonymous */
    boolean mayPull(User user, AccessFacts facts);

    boolean mayPush(User user, AccessFacts facts);

    /** Deleting repositories and tags ({@code delete.enabled} and admin, owner or contributor-if-allowed). */
    boolean mayDelete(User user, AccessFacts facts);
}
