package io.portus.auth.policy;

import io.portus.team.Role;

/**
 * The facts about one actor and one team the policy decides on.
 *
 * @param hidden whether it is a personal or global team (never changed through the UI or API)
 * @param role   the actor's role in it, or null when not a member (or for a team not created yet)
 */
public record TeamFacts(ActorKind actor, boolean hidden, Role role) {
}
