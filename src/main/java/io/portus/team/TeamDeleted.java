package io.portus.team;

/**
 * A team was deleted, with its memberships (published in the deleting transaction; the activity keeps the
 * names).
 */
public record TeamDeleted(long teamId, String teamName, Long actorId, String actorName) {
}
