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
 * them): they must be moved to another team or deleted first, so nothing is deleted as a side effect.
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
