package io.portus.namespace;

import io.portus.account.User;

/**
 * The namespace module's questions to the one policy ({@code auth.policy.Policy}, which implements this:
 * the namespace module sits below {@code auth}, so it asks through this interface). Every method takes the
 * actor (null = anonymous) and the facts of the namespace.
 */
public interface NamespacePolicy {

    /** Pull, and see the namespace (Portus's {@code show?}). */
    boolean mayPull(User user, AccessFacts facts);

    boolean mayPush(User user, AccessFacts facts);

    /** Deleting repositories and tags ({@code delete.enabled} and admin, owner or contributor-if-allowed). */
    boolean mayDelete(User user, AccessFacts facts);

    /** Creating a namespace with {@code facts} (private, owned by the chosen team). */
    boolean mayCreate(User user, AccessFacts facts);

    /** Renaming or describing it. */
    boolean mayUpdate(User user, AccessFacts facts);

    boolean mayChangeVisibility(User user, AccessFacts facts);

    boolean mayChangeTeam(User user, AccessFacts facts);

    /** Deleting the namespace itself. */
    boolean mayDeleteNamespace(User user, AccessFacts facts);

    /** {@code portus.delete.enabled}: when off, deletes are refused before any rule is asked (405). */
    boolean deleteEnabled();
}
