package io.portus.team;

import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.common.FieldErrors;
import io.portus.common.ForbiddenException;
import io.portus.common.NotFoundException;
import io.portus.common.RuleViolationException;
import io.portus.common.Page;
import io.portus.common.PageQuery;
import io.portus.common.Slice;
import io.portus.team.internal.TeamStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Teams: who may create, see, change and manage the members of one is the {@link TeamPolicy}'s answer
 * (docs/compatibility.md#ui-api-rules); the last owner cannot be removed or demoted, nor can an admin.
 * Hidden teams are not changed through here. Deleting is {@link TeamDeletes}.
 */
@Service
public class TeamService {

    static final String RESERVED_PREFIX = "portus_global_";

    private final TeamStore store;
    private final UserService users;
    private final TeamPolicy policy;
    private final ApplicationEventPublisher events;

    TeamService(TeamStore store, UserService users, TeamPolicy policy, ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.users = users;
        this.policy = policy;
    }

    @Transactional
    public Team create(User actor, String name, String description, Long ownerId) {
        if (!policy.mayCreate(actor, false)) {
            throw new ForbiddenException("Authorization fails");
        }
        if (ownerId != null && ownerId != actor.id() && !policy.mayCreate(actor, true)) {
            throw new ForbiddenException("Only admins can create teams for other users");
        }
        User owner = ownerId == null ? actor : users.find(ownerId)
                .orElseThrow(() -> new NotFoundException("Not found"));
        String n = validName(name, 0);
        long id = store.insert(n, blankToNull(description), false, null);
        store.addMember(id, owner.id(), Role.OWNER);
        events.publishEvent(new TeamChanged("create", id, n, actor.id(), actor.username(), null, null));
        return get(id);
    }

    /** A hidden team (personal or global), created by the namespace module. */
    @Transactional
    public Team createHidden(String name, String description, Long personalUserId, Collection<Long> ownerIds) {
        long id = store.insert(name, description, true, personalUserId);
        ownerIds.forEach(userId -> store.addMember(id, userId, Role.OWNER));
        return get(id);
    }

    public Optional<Team> find(long id) {
        return store.byId(id);
    }

    public Optional<Team> personalTeamOf(long userId) {
        return store.personalOf(userId);
    }

    public Optional<Team> findByName(String name) {
        return store.byName(name);
    }

    public Team get(long id) {
        return store.byId(id).orElseThrow(() -> new NotFoundException("Not found"));
    }

    /** Portus's "show?": members and admins. */
    public Team show(User actor, long id) {
        Team team = get(id);
        requireMemberOrAdmin(actor, team);
        return team;
    }

    /** What {@code actor} may do with {@code team}; the same rules the changes check. */
    public TeamAbilities abilities(User actor, Team team) {
        Role role = store.roleOf(team.id(), actor.id()).orElse(null);
        return new TeamAbilities(policy.mayShow(actor, team, role), policy.mayManageMembers(actor, team, role),
                policy.mayUpdate(actor, team, role), policy.mayDelete(actor, team, role));
    }

    /** Admins see every visible team, others the visible teams they belong to. */
    public List<Team> list(User actor) {
        return actor.admin() ? store.listVisible() : store.listVisibleOf(actor.id());
    }

    /** Attributes {@link #page(User, PageQuery)} sorts by. */
    public static java.util.Set<String> sortAttributes() {
        return TeamStore.SORTS.attributes();
    }

    /** A page of {@link #list(User)} read in the database, in the order asked for. */
    public Page<Team> page(User actor, PageQuery query) {
        return store.pageVisible(actor.admin() ? null : actor.id(), query);
    }

    /** A page of {@link #list(User)}, by id. */
    public Slice<Team> page(User actor, int offset, int limit) {
        int o = Slice.safeOffset(offset);
        int l = Slice.safeLimit(limit);
        return Slice.of(store.pageVisible(actor.admin() ? null : actor.id(), o, l), o, l);
    }

    @Transactional
    public Team update(User actor, long id, String name, String description) {
        Team team = get(id);
        if (!policy.mayUpdate(actor, team, role(team, actor))) {
            throw new ForbiddenException("Authorization fails");
        }
        String n = name == null ? team.name() : validName(name, id);
        String d = description == null ? team.description() : blankToNull(description);
        store.update(id, n, d);
        if (!n.equals(team.name())) {
            events.publishEvent(new TeamChanged("change_team_name", id, n, actor.id(), actor.username(), null, null));
        }
        if (!java.util.Objects.equals(d, team.description())) {
            events.publishEvent(new TeamChanged("change_team_description", id, n, actor.id(), actor.username(), null, null));
        }
        return get(id);
    }

    public List<TeamMember> members(User actor, long teamId) {
        Team team = get(teamId);
        requireMemberOrAdmin(actor, team);
        return store.members(teamId);
    }

    public Optional<Role> roleOf(long teamId, long userId) {
        return store.roleOf(teamId, userId);
    }

    @Transactional
    public TeamMember addMember(User actor, long teamId, String username, Role role) {
        Team team = manageable(actor, teamId);
        User user = users.findByUsername(username == null ? "" : username.trim()).filter(u -> !u.portus())
                .orElseThrow(() -> new NotFoundException("User not found"));
        if (store.roleOf(team.id(), user.id()).isPresent()) {
            throw new RuleViolationException("User " + user.username() + " is already a member of this team");
        }
        Role given = user.admin() ? Role.OWNER : role;
        long id = store.addMember(team.id(), user.id(), given);
        events.publishEvent(new TeamChanged("add_member", team.id(), team.name(), actor.id(), actor.username(),
                user.username(), given));
        return store.member(team.id(), id).orElseThrow();
    }

    @Transactional
    public TeamMember updateMember(User actor, long teamId, long memberId, Role role) {
        Team team = manageable(actor, teamId);
        store.lock(team.id());
        TeamMember member = store.member(team.id(), memberId).orElseThrow(() -> new NotFoundException("Not found"));
        if (member.admin() && role != Role.OWNER) {
            throw new RuleViolationException("User cannot be demoted because it's a Portus admin");
        }
        if (member.role() == Role.OWNER && role != Role.OWNER && store.countOwners(team.id()) <= 1) {
            throw new RuleViolationException("Cannot remove the only owner of the team");
        }
        store.setRole(memberId, role);
        events.publishEvent(new TeamChanged("change_member_role", team.id(), team.name(), actor.id(), actor.username(),
                member.username(), role));
        return store.member(team.id(), memberId).orElseThrow();
    }

    @Transactional
    public void removeMember(User actor, long teamId, long memberId) {
        Team team = manageable(actor, teamId);
        store.lock(team.id());
        TeamMember member = store.member(team.id(), memberId).orElseThrow(() -> new NotFoundException("Not found"));
        if (member.role() == Role.OWNER && store.countOwners(team.id()) <= 1) {
            throw new RuleViolationException("Cannot remove the only owner of the team");
        }
        store.removeMember(memberId);
        events.publishEvent(new TeamChanged("remove_member", team.id(), team.name(), actor.id(), actor.username(),
                member.username(), member.role()));
    }

    /** Makes {@code userId} an owner of a hidden team (global team upkeep); no-op when already in it. */
    @Transactional
    public void ensureOwner(long teamId, long userId) {
        Optional<Role> role = store.roleOf(teamId, userId);
        if (role.isEmpty()) {
            store.addMember(teamId, userId, Role.OWNER);
        }
    }

    @Transactional
    public void removeUser(long teamId, long userId) {
        store.removeUser(teamId, userId);
    }

    private Team manageable(User actor, long teamId) {
        Team team = get(teamId);
        if (!policy.mayManageMembers(actor, team, role(team, actor))) {
            throw new ForbiddenException("Authorization fails");
        }
        return team;
    }

    private void requireMemberOrAdmin(User actor, Team team) {
        if (!policy.mayShow(actor, team, role(team, actor))) {
            throw new ForbiddenException("Authorization fails");
        }
    }

    private Role role(Team team, User actor) {
        return store.roleOf(team.id(), actor.id()).orElse(null);
    }

    private String validName(String name, long exceptId) {
        FieldErrors errors = new FieldErrors();
        String n = name == null ? "" : name.trim();
        if (n.isEmpty()) {
            errors.add("name", "can't be blank");
        } else if (n.length() > 255) {
            errors.add("name", "is too long (maximum is 255 characters)");
        } else if (n.toLowerCase().startsWith(RESERVED_PREFIX)) {
            errors.add("name", "is reserved");
        } else if (store.nameTaken(n, exceptId)) {
            errors.add("name", "has already been taken");
        }
        errors.throwIfAny();
        return n;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
