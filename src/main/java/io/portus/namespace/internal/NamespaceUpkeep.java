package io.portus.namespace.internal;

import io.portus.account.User;
import io.portus.account.UserAdminChanged;
import io.portus.account.UserCreated;
import io.portus.account.UserService;
import io.portus.namespace.NamespaceNames;
import io.portus.namespace.Registry;
import io.portus.namespace.Visibility;
import io.portus.team.Team;
import io.portus.team.TeamService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps the hidden parts of the model in step: a new registry gets its global team (owners = all admins)
 * and global namespace (public) and a personal namespace for every user; a new user gets a hidden personal
 * team and a personal namespace (private) in every registry; an admin change updates the global teams.
 * Runs inside the caller's transaction (synchronous listeners).
 */
@Component
public class NamespaceUpkeep {

    private final NamespaceStore namespaces;
    private final RegistryStore registries;
    private final TeamService teams;
    private final UserService users;

    public NamespaceUpkeep(NamespaceStore namespaces, RegistryStore registries, TeamService teams, UserService users) {
        this.namespaces = namespaces;
        this.registries = registries;
        this.teams = teams;
        this.users = users;
    }

    public void setUpRegistry(Registry registry) {
        List<Long> admins = users.list().stream().filter(u -> u.admin() && u.enabled()).map(User::id).toList();
        Team global = teams.createHidden(NamespaceNames.globalTeam(registry.id()),
                "Global team of registry " + registry.name(), null, admins);
        namespaces.insert(registry.globalNamespaceName(), "The global namespace of registry " + registry.name() + ".",
                global.id(), registry.id(), Visibility.PUBLIC, true);
        for (User user : users.list()) {
            if (!user.bot()) {
                long id = addPersonalNamespace(user, registry);
                if (id > 0 && (user.namespaceId() == null || registry.builtin())) {
                    users.setPersonalNamespace(user.id(), id);
                }
            }
        }
    }

    @EventListener
    public void on(UserCreated event) {
        User user = event.user();
        if (user.admin()) {
            registries.list().forEach(r -> namespaces.global(r.id()).ifPresent(g -> teams.ensureOwner(g.teamId(), user.id())));
        }
        if (!user.bot() && !user.portus()) {
            long chosen = 0;
            for (Registry r : registries.list()) {
                long id = addPersonalNamespace(user, r);
                if (id > 0 && (chosen == 0 || r.builtin())) {
                    chosen = id;
                }
            }
            if (chosen > 0) {
                users.setPersonalNamespace(user.id(), chosen);
            }
        }
    }

    @EventListener
    public void on(UserAdminChanged event) {
        User user = event.user();
        for (Registry r : registries.list()) {
            namespaces.global(r.id()).ifPresent(g -> {
                if (user.admin()) {
                    teams.ensureOwner(g.teamId(), user.id());
                } else {
                    teams.removeUser(g.teamId(), user.id());
                }
            });
        }
    }

    /** The id of the new personal namespace, or 0 when the user already has one there. */
    private long addPersonalNamespace(User user, Registry registry) {
        Team team = personalTeam(user);
        if (namespaces.byName(registry.id(), team.name()).isPresent()) {
            return 0;
        }
        return namespaces.insert(team.name(), "This personal namespace belongs to " + user.username() + ".",
                team.id(), registry.id(), Visibility.PRIVATE, false);
    }

    private Team personalTeam(User user) {
        return teams.personalTeamOf(user.id()).orElseGet(() -> {
            String name = NamespaceNames.makeValid(user.username(),
                            n -> teams.findByName(n).isPresent() || namespaces.nameUsedAnywhere(n))
                    .orElseThrow(() -> new IllegalStateException("no namespace name for " + user.username()));
            return teams.createHidden(name, "Personal team of " + user.username(), user.id(), List.of(user.id()));
        });
    }
}
