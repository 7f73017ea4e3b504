package io.portus.team;

import java.util.List;

import io.portus.account.User;
import io.portus.common.ConflictException;
import io.portus.common.ForbiddenException;
import io.portus.common.NotAllowedException;
import io.portus.common.RuleViolationException;
import io.portus.team.internal.TeamStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting a team, when the {@link TeamPolicy} allows it (Portus, docs/compatibility.md#deletes: {@code delete.enabled} ∧ ¬hidden ∧ (admin ∨
 * owner ∨ contributor when {@code delete.contributors})). A team that still owns namespaces is not deleted (409 naming
 * them): they must be moved to another team or deleted first, so nothing is deleted as a side effect. Given a
 * {@code newTeam} (Portus's {@code new_team}), its namespaces move to that team first, in the same transaction;
 * the deleting user must see that team (admin or member), and it may not be the team itself nor a hidden one.
 */
@Service
public class TeamDeletes {

    private final TeamStore store;
    private final TeamNamespaces namespaces;
    private final TeamPolicy policy;
    private final ApplicationEventPublisher events;

    TeamDeletes(TeamStore store, TeamNamespaces namespaces, TeamPolicy policy, ApplicationEventPublisher events) {
        this.store = store;
        this.namespaces = namespaces;
        this.policy = policy;
        this.events = events;
    }

    @Transactional
    public void delete(User actor, long teamId) {
        delete(actor, teamId, null);
    }

    /** @param newTeam name of the team that gets the namespaces; null or blank = refuse when there are any */
    @Transactional
    public void delete(User actor, long teamId, String newTeam) {
        if (!policy.deleteEnabled()) {
            throw new NotAllowedException("Deleting is disabled (portus.delete.enabled / PORTUS_DELETE_ENABLED)");
        }
        Team team = store.byId(teamId).orElseThrow(() -> new io.portus.common.NotFoundException("Not found"));
        Role role = store.roleOf(teamId, actor.id()).orElse(null);
        if (!policy.mayShow(actor, team, role)) {
            throw new ForbiddenException("Authorization fails");
        }
        if (team.hidden()) {
            throw new RuleViolationException("Personal and global teams cannot be deleted");
        }
        if (!policy.mayDelete(actor, team, role)) {
            throw new ForbiddenException("Authorization fails");
        }
        store.lock(teamId);
        if (newTeam != null && !newTeam.isBlank()) {
            namespaces.moveAll(teamId, heir(actor, team, newTeam.trim()).id(), actor);
        }
        List<String> owned = namespaces.namesOf(teamId);
        if (!owned.isEmpty()) {
            throw new ConflictException("Team " + team.name() + " still owns the namespaces " + String.join(", ", owned)
                    + ": move them to another team (namespace[team]) or delete them, then delete the team.",
                    "namespaces", owned);
        }
        store.delete(teamId);
        events.publishEvent(new TeamDeleted(teamId, team.name(), actor.id(), actor.username()));
    }

    private Team heir(User actor, Team team, String name) {
        Team heir = store.byName(name).orElseThrow(() -> new io.portus.common.NotFoundException(
                "Team " + name + " (new_team) does not exist"));
        if (!policy.mayShow(actor, heir, store.roleOf(heir.id(), actor.id()).orElse(null))) {
            throw new io.portus.common.NotFoundException("Team " + name + " (new_team) does not exist");
        }
        if (heir.id() == team.id()) {
            throw new RuleViolationException("You cannot choose the same team to migrate namespaces");
        }
        if (heir.hidden()) {
            throw new RuleViolationException("Namespaces cannot move to a personal or global team (new_team)");
        }
        return heir;
    }
}
