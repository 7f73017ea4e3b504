package io.portus.namespace.internal;

import java.util.List;

import io.portus.namespace.Namespace;
import io.portus.team.TeamNamespaces;
import org.springframework.stereotype.Component;

/** {@link TeamNamespaces} from the namespaces table. */
@Component
class TeamNamespaceNames implements TeamNamespaces {

    private final NamespaceStore store;

    TeamNamespaceNames(NamespaceStore store) {
        this.store = store;
    }

    @Override
    public List<String> namesOf(long teamId) {
        return store.ofTeam(teamId).stream().map(Namespace::name).toList();
    }
}
