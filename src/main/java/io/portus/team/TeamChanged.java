package io.portus.team;

/**
 * A team was created or changed (published in the changing transaction).
 *
 * @param change Portus's activity name: {@code create}, {@code add_member}, {@code remove_member},
 *               {@code change_member_role}, {@code change_team_name}, {@code change_team_description}
 * @param member the member's user name (member changes only), else null
 * @param role   the member's (new) role, else null
 */
public record TeamChanged(String change, long teamId, String teamName, Long actorId, String actorName, String member,
                          Role role) {
}
