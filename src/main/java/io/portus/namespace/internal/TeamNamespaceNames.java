package io.portus.namespace.internal;

import java.util.List;

import io.portus.account.User;
import io.portus.namespace.Namespace;
import io.portus.namespace.NamespaceChanged;
import io.portus.team.TeamNamespaces;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** {@link TeamNamespaces} from the namespaces table. */
@Component
class TeamNamespaceNames implements TeamNamespaces {

    private final NamespaceStore store;
    private final ApplicationEventPublisher events;

    TeamNamespaceNames(NamespaceStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    @Override
    public List<String> namesOf(long teamId) {
        return store.ofTeam(teamId).stream().map(Namespace::name).toList();
    }

    @Override
    public List<String> moveAll(long fromTeamId, long toTeamId, User actor) {
        List<Namespace> owned = store.ofTeam(fromTeamId);
        for (Namespace ns : owned) {
            store.update(ns.id(), ns.name(), ns.description(), toTeamId, ns.visibility());
            Namespace moved = store.byId(ns.id()).orElseThrow();
            events.publishEvent(new NamespaceChanged("change_team", moved, actor.id(), actor.username(), ns.teamName()));
        }
        return owned.stream().map(Namespace::name).toList();
    }
}
