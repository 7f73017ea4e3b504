package io.portus.namespace;

import io.portus.account.User;
import io.portus.common.FieldErrors;
import io.portus.common.ForbiddenException;
import io.portus.common.InvalidInputException;
import io.portus.common.NotFoundException;
import io.portus.common.RuleViolationException;
import io.portus.common.Page;
import io.portus.common.PageQuery;
import io.portus.common.Slice;
import io.portus.namespace.internal.NamespaceStore;
import io.portus.team.Role;
import io.portus.team.Team;
import io.portus.team.TeamService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Namespaces: who may create, show, rename, describe, move and change the visibility of one is the
 * {@link NamespacePolicy}'s answer. The global namespace is never private; global and personal namespaces
 * keep their names and teams.
 */
@Service
public class NamespaceService {

    private final NamespaceStore store;
    private final RegistryService registries;
    private final TeamService teams;
    private final NamespacePolicy policy;
    private final ApplicationEventPublisher events;

    NamespaceService(NamespaceStore store, RegistryService registries, TeamService teams, NamespacePolicy policy,
                     ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.registries = registries;
        this.teams = teams;
        this.policy = policy;
    }

    @Transactional
    public Namespace create(User actor, String name, String teamName, String description, Long registryId) {
        Registry registry = registryId == null ? registries.defaultRegistry() : registries.get(registryId);
        Team team = team(actor, teamName);
        FieldErrors errors = new FieldErrors();
        NamespaceNames.problem(name).ifPresent(p -> errors.add("name", p));
        if (errors.isEmpty() && store.byName(registry.id(), name).isPresent()) {
            errors.add("name", "has already been taken");
        }
        errors.throwIfAny();
        AccessFacts wouldBe = new AccessFacts(0, false, Visibility.PRIVATE, team.personalUserId(),
                teams.roleOf(team.id(), actor.id()).orElse(null));
        require(policy.mayCreate(actor, wouldBe));
        long id = store.insert(name, blankToNull(description), team.id(), registry.id(), Visibility.PRIVATE, false);
        Namespace created = get(id);
        events.publishEvent(new NamespaceCreated(created, actor.id(), actor.username()));
        return created;
    }

    /** The namespace {@code name} of a registry; null name = its global namespace. */
    public Optional<Namespace> find(long registryId, String name) {
        return name == null ? store.global(registryId) : store.byName(registryId, name);
    }

    /**
     * The namespace a push into a registry created: private, owned by the registry's global team (Portus
     * master's "orphan" namespace). Returns the existing one when it is already there.
     */
    @Transactional
    public Namespace createForPush(long registryId, String name, Long actorId, String actorName) {
        Optional<Namespace> existing = store.byName(registryId, name);
        if (existing.isPresent()) {
            return existing.get();
        }
        NamespaceNames.problem(name).ifPresent(p -> {
            throw io.portus.common.InvalidInputException.of("name", p);
        });
        Namespace global = store.global(registryId)
                .orElseThrow(() -> new NotFoundException("registry " + registryId + " has no global namespace"));
        long id = store.insert(name, null, global.teamId(), registryId, Visibility.PRIVATE, false);
        Namespace created = get(id);
        events.publishEvent(new NamespaceCreated(created, actorId, actorName));
        return created;
    }

    public Namespace get(long id) {
        return store.byId(id).orElseThrow(() -> new NotFoundException("Not found"));
    }

    /** Portus's "show?" (= pull?). */
    public Namespace show(User actor, long id) {
        Namespace ns = get(id);
        if (!policy.mayPull(actor, facts(ns, actor))) {
            throw new ForbiddenException("Authorization fails");
        }
        return ns;
    }

    /** What {@code actor} (null = anonymous) may do with {@code ns}; the same rules the changes check. */
    public NamespaceAbilities abilities(User actor, Namespace ns) {
        AccessFacts facts = facts(ns, actor);
        return new NamespaceAbilities(policy.mayPull(actor, facts), policy.mayPush(actor, facts),
                policy.mayUpdate(actor, facts), policy.mayChangeVisibility(actor, facts),
                policy.mayChangeTeam(actor, facts) && !ns.global() && !ns.personal(),
                policy.mayDelete(actor, facts), policy.mayDeleteNamespace(actor, facts) && !ns.personal());
    }

    /** Admins see all; others public, protected, global and their teams' namespaces. */
    public List<Namespace> list(User actor) {
        return actor.admin() ? store.all() : store.visibleTo(actor.id());
    }

    /** Attributes {@link #page(User, PageQuery)} sorts by. */
    public static java.util.Set<String> sortAttributes() {
        return NamespaceStore.SORTS.attributes();
    }

    /** A page of {@link #list(User)} read in the database, in the order asked for. */
    public Page<Namespace> page(User actor, PageQuery query) {
        return store.page(actor.admin() ? null : actor.id(), query);
    }

    /** A page of {@link #list(User)}, by id; {@code query} (optional) filters on name and description. */
    public Slice<Namespace> page(User actor, String query, int offset, int limit) {
        int o = Slice.safeOffset(offset);
        int l = Slice.safeLimit(limit);
        return Slice.of(store.page(actor.admin() ? null : actor.id(), query, o, l), o, l);
    }

    /** The namespaces of the user's teams, personal one included (the dashboard's "your namespaces"). */
    public Slice<Namespace> ofMember(User user, int offset, int limit) {
        int o = Slice.safeOffset(offset);
        int l = Slice.safeLimit(limit);
        return Slice.of(store.pageOfMember(user.id(), o, l), o, l);
    }

    public List<Namespace> ofTeam(long teamId) {
        return store.ofTeam(teamId);
    }

    @Transactional
    public Namespace update(User actor, long id, NamespaceUpdate change) {
        Namespace ns = get(id);
        AccessFacts facts = facts(ns, actor);
        String name = change.name() == null ? ns.name() : change.name().trim();
        String description = change.description() == null ? ns.description() : blankToNull(change.description());
        long teamId = ns.teamId();
        Visibility visibility = change.visibility() == null ? ns.visibility() : change.visibility();
        if (!name.equals(ns.name()) || !Objects.equals(description, ns.description())) {
            require(policy.mayUpdate(actor, facts));
            if (!name.equals(ns.name())) {
                rename(ns, name);
            }
        }
        if (change.team() != null && !change.team().equals(ns.teamName())) {
            require(policy.mayChangeTeam(actor, facts));
            if (ns.global() || ns.personal()) {
                throw new RuleViolationException("The team of a global or personal namespace cannot change");
            }
            teamId = team(actor, change.team()).id();
        }
        if (visibility != ns.visibility()) {
            require(policy.mayChangeVisibility(actor, facts));
            if (ns.global() && visibility == Visibility.PRIVATE) {
                throw new RuleViolationException("global namespace cannot be private");
            }
        }
        store.update(id, name, description, teamId, visibility);
        Namespace updated = get(id);
        if (teamId != ns.teamId()) {
            events.publishEvent(new NamespaceChanged("change_team", updated, actor.id(), actor.username(), ns.teamName()));
        }
        if (visibility != ns.visibility()) {
            events.publishEvent(new NamespaceChanged("change_visibility", updated, actor.id(), actor.username(),
                    ns.visibility().apiName()));
        }
        if (!Objects.equals(description, ns.description())) {
            events.publishEvent(new NamespaceChanged("change_namespace_description", updated, actor.id(),
                    actor.username(), ns.description()));
        }
        if (!name.equals(ns.name())) {
            events.publishEvent(new NamespaceChanged("change_namespace_name", updated, actor.id(), actor.username(),
                    ns.name()));
        }
        return updated;
    }

    @Transactional
    public Namespace changeVisibility(User actor, long id, Visibility visibility) {
        return update(actor, id, new NamespaceUpdate(null, null, null, visibility));
    }

    private void rename(Namespace ns, String name) {
        if (ns.global() || ns.personal()) {
            throw new RuleViolationException("A global or personal namespace cannot be renamed");
        }
        FieldErrors errors = new FieldErrors();
        NamespaceNames.problem(name).ifPresent(p -> errors.add("name", p));
        if (errors.isEmpty() && store.byName(ns.registryId(), name).isPresent()) {
            errors.add("name", "has already been taken");
        }
        errors.throwIfAny();
    }

    private Team team(User actor, String teamName) {
        if (teamName == null || teamName.isBlank()) {
            throw InvalidInputException.of("team", "can't be blank");
        }
        Team team = teams.findByName(teamName.trim()).orElseThrow(() -> new NotFoundException("Team not found"));
        boolean ownPersonal = team.personalUserId() != null && team.personalUserId() == actor.id();
        if (team.hidden() && !ownPersonal && !actor.admin()) {
            throw new NotFoundException("Team not found");
        }
        return team;
    }

    private AccessFacts facts(Namespace ns, User actor) {
        Role role = actor == null ? null : teams.roleOf(ns.teamId(), actor.id()).orElse(null);
        return new AccessFacts(ns.id(), ns.global(), ns.visibility(), ns.personalUserId(), role);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void require(boolean allowed) {
        if (!allowed) {
            throw new ForbiddenException("Authorization fails");
        }
    }
}
