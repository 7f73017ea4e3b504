package io.portus.team;

import io.portus.account.User;

/**
 * The team module's questions to the one policy ({@code auth.policy.Policy}, which implements this: the team
 * module sits below {@code auth}, so it asks through this interface).
 *
 * @see TeamAbilities
 */
public interface TeamPolicy {

    /** @param ownedByOthers whether the new team is owned by someone other than {@code actor} */
    boolean mayCreate(User actor, boolean ownedByOthers);

    /** See the team and its members; {@code role} is the actor's role in it, null when not a member. */
    boolean mayShow(User actor, Team team, Role role);

    /** Rename or describe it. */
    boolean mayUpdate(User actor, Team team, Role role);

    /** Add and remove members, change their roles. */
    boolean mayManageMembers(User actor, Team team, Role role);

    boolean mayDelete(User actor, Team team, Role role);

    /** {@code portus.delete.enabled}: when off, deletes are refused before any rule is asked (405). */
    boolean deleteEnabled();
}
