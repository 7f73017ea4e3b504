package io.portus.auth.policy;

import io.portus.account.User;
import io.portus.namespace.AccessFacts;
import io.portus.namespace.Visibility;
import io.portus.team.Role;

/**
 * The facts about one actor and one namespace the policy decides on.
 *
 * @param visibility null when the namespace is {@link NamespaceKind#MISSING}
 * @param role       the actor's role in the namespace's team, or null when not a member
 */
public record NamespaceFacts(ActorKind actor, NamespaceKind namespace, Visibility visibility, Role role) {

    /** @param user null for anonymous */
    public static NamespaceFacts of(User user, AccessFacts facts) {
        return new NamespaceFacts(ActorKind.of(user), NamespaceKind.of(facts, user == null ? null : user.id()),
                facts.visibility(), facts.role());
    }

    /** The role that counts: you own your personal namespace (its hidden team has you as owner). */
    Role effectiveRole() {
        return namespace == NamespaceKind.PERSONAL_OWN ? Role.OWNER : role;
    }
}
