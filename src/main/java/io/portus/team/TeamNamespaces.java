package io.portus.team;

import java.util.List;

import io.portus.account.User;

/**
 * The namespaces a team owns, as the team module needs them to refuse deleting a team that still owns some, or
 * to hand them to another team first (Portus's {@code DELETE /api/v1/teams/:id?new_team=…}); implemented by the
 * namespace module, which owns namespaces and depends on teams.
 */
public interface TeamNamespaces {

    /** Names of the namespaces owned by the team, in any registry. */
    List<String> namesOf(long teamId);

    /**
     * Moves every namespace of team {@code fromTeamId} to {@code toTeamId} (a {@code change_team} event each, in
     * the caller's transaction); returns their names.
     */
    List<String> moveAll(long fromTeamId, long toTeamId, User actor);
}
