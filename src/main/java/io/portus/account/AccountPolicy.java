package io.portus.account;

/**
 * The account module's questions to the one policy ({@code auth.policy.Policy}, which implements this: the
 * account module sits below {@code auth}, so it asks through this interface).
 */
public interface AccountPolicy {

    /** Enable ({@code enable}) or disable {@code target}. */
    boolean mayChangeEnabled(User actor, User target, boolean enable);

    /** List, create and delete the application tokens of {@code owner}. */
    boolean mayManageApplicationTokens(User actor, User owner);

    /** List and revoke every user's application tokens (admins). */
    boolean mayAdministerApplicationTokens(User actor);
}
