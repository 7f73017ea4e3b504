package io.portus.team;

import java.util.List;

import io.portus.account.User;
import io.portus.common.ConflictException;
import io.portus.common.ForbiddenException;
import io.portus.common.NotAllowedException;
import io.portus.common.RuleViolationException;
import io.portus.team.internal.TeamStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting a team (Portus's rule, docs/compatibility.md#deletes): {@code delete.enabled} ∧ ¬hidden ∧ (admin ∨ owner ∨
 * contributor when {@code delete.contributors}). A team that still owns namespaces is not deleted (409 naming
 * them): they must be moved to another team or deleted first, so nothing is deleted as a side effect.
 */
@Service
public class TeamDeletes {

    private final TeamStore store;
    private final TeamNamespaces namespaces;
    private final ApplicationEventPublisher events;
    private final boolean enabled;
    private final boolean contributors;

    TeamDeletes(TeamStore store, TeamNamespaces namespaces, ApplicationEventPublisher events,
                @Value("${portus.delete.enabled:true}") boolean enabled,
                @Value("${portus.delete.contributors:false}") boolean contributors) {
        this.store = store;
        this.namespaces = namespaces;
        this.events = events;
        this.enabled = enabled;
        this.contributors = contributors;
    }

    /** The rule alone (not whether it still owns namespaces), for showing the button. */
    public boolean mayDelete(User actor, Team team) {
        if (!enabled || team.hidden()) {
            return false;
        }
        if (actor.admin()) {
            return true;
        }
        Role role = store.roleOf(team.id(), actor.id()).orElse(null);
        return role == Role.OWNER || (contributors && role == Role.CONTRIBUTOR);
    }

    @Transactional
    public void delete(User actor, long teamId) {
        if (!enabled) {
            throw new NotAllowedException("Deleting is disabled (portus.delete.enabled / PORTUS_DELETE_ENABLED)");
        }
        Team team = store.byId(teamId).orElseThrow(() -> new io.portus.common.NotFoundException("Not found"));
        if (!actor.admin() && store.roleOf(teamId, actor.id()).isEmpty()) {
            throw new ForbiddenException("Authorization fails");
        }
        if (team.hidden()) {
            throw new RuleViolationException("Personal and global teams cannot be deleted");
        }
        if (!mayDelete(actor, team)) {
            throw new ForbiddenException("Authorization fails");
        }
        store.lock(teamId);
        List<String> owned = namespaces.namesOf(teamId);
        if (!owned.isEmpty()) {
            throw new ConflictException("Team " + team.name() + " still owns the namespaces " + String.join(", ", owned)
                    + ": move them to another team (namespace[team]) or delete them, then delete the team.",
                    "namespaces", owned);
        }
        store.delete(teamId);
        events.publishEvent(new TeamDeleted(teamId, team.name(), actor.id(), actor.username()));
    }
}
