package io.portus.auth.policy;

import io.portus.namespace.Visibility;
import io.portus.team.Role;

/**
 * The facts about one actor and one namespace the matrix decides on.
 *
 * @param visibility null when the namespace is {@link NamespaceKind#MISSING}
 * @param role       the actor's role in the namespace's team, or null when not a member
 */
public record NamespaceFacts(ActorKind actor, NamespaceKind namespace, Visibility visibility, Role role) {
}
