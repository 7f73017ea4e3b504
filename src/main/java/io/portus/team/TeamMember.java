package io.portus.team;

import java.time.Instant;

/** A membership ({@code team_users} row) with the member's name. */
public record TeamMember(long id, long teamId, long userId, String username, String displayName, boolean admin,
                         Role role, Instant createdAt, Instant updatedAt) {
}
