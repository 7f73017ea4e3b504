package io.portus.ldap;

import io.portus.account.User;
import io.portus.common.ForbiddenException;
import io.portus.common.NotAllowedException;
import io.portus.team.Team;
import io.portus.team.TeamService;
import org.springframework.stereotype.Service;

/**
 * Portus 2.5's {@code POST /api/v1/teams/:id/ldap_check}: switches the LDAP group sync off for one team (its
 * members are no longer added nor removed by the sync). 405 when LDAP or its group sync is off, 404 for an
 * unknown team, 403 unless the actor may update the team (its owners with {@code manage_team}, admins).
 */
@Service
public class LdapTeamChecks {

    private final LdapProperties properties;
    private final TeamService teams;
    private final LdapSyncStore store;

    LdapTeamChecks(LdapProperties properties, TeamService teams, LdapSyncStore store) {
        this.properties = properties;
        this.teams = teams;
        this.store = store;
    }

    public void disableCheck(User actor, long teamId) {
        if (!properties.enabled() || !properties.groupSync().enabled()) {
            throw new NotAllowedException("this instance has disabled this endpoint");
        }
        Team team = teams.get(teamId);
        if (!teams.abilities(actor, team).update()) {
            throw new ForbiddenException("Authorization fails");
        }
        store.disableSync(team.id());
    }

    /** Whether the group sync still looks after {@code teamId}. */
    public boolean checked(long teamId) {
        return !store.syncDisabled(teamId);
    }
}
