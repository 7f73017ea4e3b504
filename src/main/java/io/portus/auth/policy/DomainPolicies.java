package io.portus.auth.policy;

import io.portus.account.AccountPolicy;
import io.portus.account.User;
import io.portus.namespace.AccessFacts;
import io.portus.namespace.NamespacePolicy;
import io.portus.team.Role;
import io.portus.team.Team;
import io.portus.team.TeamPolicy;
import org.springframework.stereotype.Component;

/**
 * The namespace, team and account modules' questions, answered by the {@link Policy} (those modules sit below
 * {@code auth}, so they declare the interfaces and this adapts the facts).
 */
@Component
class DomainPolicies implements NamespacePolicy, TeamPolicy, AccountPolicy {

    private final Policy policy;

    DomainPolicies(Policy policy) {
        this.policy = policy;
    }

    @Override
    public boolean mayPull(User user, AccessFacts facts) {
        return policy.allows(RepositoryAction.PULL, NamespaceFacts.of(user, facts));
    }

    @Override
    public boolean mayPush(User user, AccessFacts facts) {
        return policy.allows(RepositoryAction.PUSH, NamespaceFacts.of(user, facts));
    }

    @Override
    public boolean mayDelete(User user, AccessFacts facts) {
        return policy.allows(RepositoryAction.DELETE, NamespaceFacts.of(user, facts));
    }

    @Override
    public boolean mayCreate(User user, AccessFacts facts) {
        return policy.allows(NamespaceAction.CREATE, NamespaceFacts.of(user, facts));
    }

    @Override
    public boolean mayUpdate(User user, AccessFacts facts) {
        return policy.allows(NamespaceAction.UPDATE, NamespaceFacts.of(user, facts));
    }

    @Override
    public boolean mayChangeVisibility(User user, AccessFacts facts) {
        return policy.allows(NamespaceAction.CHANGE_VISIBILITY, NamespaceFacts.of(user, facts));
    }

    @Override
    public boolean mayChangeTeam(User user, AccessFacts facts) {
        return policy.allows(NamespaceAction.CHANGE_TEAM, NamespaceFacts.of(user, facts));
    }

    @Override
    public boolean mayDeleteNamespace(User user, AccessFacts facts) {
        return policy.allows(NamespaceAction.DELETE, NamespaceFacts.of(user, facts));
    }

    @Override
    public boolean mayCreate(User actor, boolean ownedByOthers) {
        TeamFacts facts = new TeamFacts(ActorKind.of(actor), false, null);
        return policy.allows(TeamAction.CREATE, facts)
                && (!ownedByOthers || policy.allows(TeamAction.CREATE_FOR_OTHERS, facts));
    }

    @Override
    public boolean mayShow(User actor, Team team, Role role) {
        return policy.allows(TeamAction.SHOW, team(actor, team, role));
    }

    @Override
    public boolean mayUpdate(User actor, Team team, Role role) {
        return policy.allows(TeamAction.UPDATE, team(actor, team, role));
    }

    @Override
    public boolean mayManageMembers(User actor, Team team, Role role) {
        return policy.allows(TeamAction.MANAGE_MEMBERS, team(actor, team, role));
    }

    @Override
    public boolean mayDelete(User actor, Team team, Role role) {
        return policy.allows(TeamAction.DELETE, team(actor, team, role));
    }

    @Override
    public boolean deleteEnabled() {
        return policy.settings().deleteEnabled();
    }

    @Override
    public boolean mayChangeEnabled(User actor, User target, boolean enable) {
        return Policy.allows(enable ? UserAction.ENABLE : UserAction.DISABLE, user(actor, target));
    }

    @Override
    public boolean mayManageApplicationTokens(User actor, User owner) {
        return Policy.allows(UserAction.MANAGE_APPLICATION_TOKENS, user(actor, owner));
    }

    @Override
    public boolean mayAdministerApplicationTokens(User actor) {
        return actor != null && Policy.allows(UserAction.ADMINISTER, ActorKind.of(actor));
    }

    private static UserFacts user(User actor, User target) {
        return new UserFacts(ActorKind.of(actor), actor != null && actor.id() == target.id(), target.bot());
    }

    private static TeamFacts team(User actor, Team team, Role role) {
        return new TeamFacts(ActorKind.of(actor), team.hidden(), role);
    }
}
