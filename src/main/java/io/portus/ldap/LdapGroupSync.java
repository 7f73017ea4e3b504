package io.portus.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import io.portus.account.ExternalAccounts;
import io.portus.account.ExternalIdentity;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.common.DomainException;
import io.portus.team.Role;
import io.portus.team.Team;
import io.portus.team.TeamMember;
import io.portus.team.TeamService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Group sync: an LDAP group under the group base named like a visible Portus team puts its members into that
 * team with {@code group-sync.default-role} (admins as owners), through {@link TeamService} with the
 * {@code portus} user as the actor, as Portus does. Memberships the sync added are remembered
 * ({@link LdapSyncStore}); only those are removed when the person leaves the group, so members added by hand
 * stay. A member of a group is the Portus account linked to their DN, else the account named like the first
 * RDN value of the DN ({@code uid=jo,ou=people,...} is {@code jo}), as in Portus. Teams whose sync was switched
 * off ({@code ldap_check}) and groups that do not exist are left alone.
 */
@Component
class LdapGroupSync {

    private static final Logger log = LoggerFactory.getLogger(LdapGroupSync.class);

    private final TeamService teams;
    private final UserService users;
    private final ExternalAccounts accounts;
    private final LdapSyncStore store;
    private final LdapProperties properties;

    LdapGroupSync(TeamService teams, UserService users, ExternalAccounts accounts, LdapSyncStore store,
                  LdapProperties properties) {
        this.teams = teams;
        this.users = users;
        this.accounts = accounts;
        this.store = store;
        this.properties = properties;
    }

    boolean active() {
        return properties.enabled() && properties.groupSync().enabled();
    }

    Role role() {
        return Role.parse(properties.groupSync().defaultRole()).orElse(Role.VIEWER);
    }

    /** On sign-in: into the teams of the groups listing {@code dn}, out of the synced teams whose group no longer does. */
    void onSignIn(LDAPConnection connection, LdapDirectory directory, User user, String dn) throws LDAPException {
        User portus = portus();
        Set<Long> listed = new HashSet<>();
        for (String group : directory.groupsOf(connection, dn)) {
            Optional<Team> team = teams.findByName(group).filter(t -> !t.hidden() && !store.syncDisabled(t.id()));
            if (team.isPresent()) {
                listed.add(team.get().id());
                add(portus, team.get(), user);
            }
        }
        for (long teamId : store.trackedTeams(user.id())) {
            if (!listed.contains(teamId) && !store.syncDisabled(teamId)) {
                remove(portus, teamId, user.id());
            }
        }
    }

    /** Every visible team whose group exists; returns the number of teams looked at. */
    int syncAll(LDAPConnection connection, LdapDirectory directory) throws LDAPException {
        User portus = portus();
        int synced = 0;
        for (Team team : teams.list(portus)) {
            if (team.hidden() || store.syncDisabled(team.id())) {
                continue;
            }
            Optional<Set<String>> members = directory.groupMembers(connection, team.name());
            if (members.isEmpty()) {
                continue;
            }
            synced++;
            Set<Long> inGroup = new HashSet<>();
            for (String dn : members.get()) {
                Optional<User> user = userOf(dn);
                if (user.isPresent()) {
                    inGroup.add(user.get().id());
                    add(portus, team, user.get());
                }
            }
            for (long userId : store.trackedUsers(team.id())) {
                if (!inGroup.contains(userId)) {
                    remove(portus, team.id(), userId);
                }
            }
        }
        return synced;
    }

    private Optional<User> userOf(String dn) {
        Optional<User> linked = accounts.find(new ExternalIdentity(LdapAccounts.PROVIDER, LdapDirectory.normalize(dn)));
        if (linked.isPresent()) {
            return linked;
        }
        try {
            String[] values = new DN(dn).getRDN().getAttributeValues();
            return values.length == 0 ? Optional.empty() : users.findByUsername(values[0])
                    .filter(u -> !u.bot() && !u.portus() && accounts.providerOf(u.id())
                            .map(LdapAccounts.PROVIDER::equals).orElse(true));
        } catch (LDAPException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private void add(User portus, Team team, User user) {
        if (!user.enabled() || teams.roleOf(team.id(), user.id()).isPresent()) {
            return;
        }
        try {
            teams.addMember(portus, team.id(), user.username(), role());
            store.track(team.id(), user.id());
            log.info("LDAP group sync: {} added to team {}", user.username(), team.name());
        } catch (DomainException e) {
            log.warn("LDAP group sync could not add {} to team {}: {}", user.username(), team.name(), e.getMessage());
        }
    }

    private void remove(User portus, long teamId, long userId) {
        Optional<TeamMember> member = teams.members(portus, teamId).stream().filter(m -> m.userId() == userId).findFirst();
        try {
            if (member.isPresent()) {
                teams.removeMember(portus, teamId, member.get().id());
                log.info("LDAP group sync: {} removed from team {}", member.get().username(), teamId);
            }
            store.untrack(teamId, userId);
        } catch (DomainException e) {
            log.warn("LDAP group sync could not remove user {} from team {}: {}", userId, teamId, e.getMessage());
        }
    }

    private User portus() {
        return users.findByUsername(User.PORTUS)
                .orElseThrow(() -> new IllegalStateException("the portus user is created at start-up"));
    }
}
