package io.portus.auth.policy;

import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.auth.Principal;
import io.portus.auth.RegistryLookup;
import io.portus.auth.RegistryLookup.KnownRegistry;
import io.portus.auth.scope.Scope;
import io.portus.namespace.Namespace;
import io.portus.namespace.NamespaceService;
import io.portus.namespace.Registry;
import io.portus.namespace.RegistryService;
import io.portus.namespace.Visibility;
import io.portus.support.DatabaseTest;
import io.portus.team.Role;
import io.portus.team.Team;
import io.portus.team.TeamService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The access policy on real rows (see AccessPolicyTest for the vendors): facts loaded from the database. */
abstract class AccessPolicyContract extends DatabaseTest {

    private static final Set<String> ALL = Set.of("pull", "push", "delete", "*");

    @Autowired AccessPolicy policy;
    @Autowired RegistryLookup lookup;
    @Autowired UserService users;
    @Autowired TeamService teams;
    @Autowired NamespaceService namespaces;
    @Autowired RegistryService registries;

    User alice;
    User bob;
    User carol;
    User dave;
    User admin;
    KnownRegistry builtin;

    @BeforeEach
    void users() {
        alice = user("alice");
        bob = user("bob");
        carol = user("carol");
        dave = user("dave");
        admin = users.changeAdmin(user("admin"), true);
        Registry r = registries.builtin().orElseThrow();
        builtin = lookup.byService(r.hostname()).orElseThrow();
    }

    @Test
    void personalNamespacesBelongToTheirUser() {
        String ns = personal(alice);
        assertThat(granted(alice, ns + "/app")).containsExactlyInAnyOrder("pull", "push", "delete", "*");
        assertThat(granted(bob, ns + "/app")).isEmpty();
        assertThat(granted(null, ns + "/app")).isEmpty();
        assertThat(granted(admin, ns + "/app")).containsExactlyInAnyOrderElementsOf(ALL);
        assertThat(granted(portus(), ns + "/app")).containsExactlyInAnyOrderElementsOf(ALL);
    }

    @Test
    void teamRolesAndVisibility() {
        Team team = teams.create(alice, unique("team"), "", null);
        teams.addMember(alice, team.id(), bob.username(), Role.CONTRIBUTOR);
        teams.addMember(alice, team.id(), carol.username(), Role.VIEWER);
        Namespace ns = namespaces.create(alice, unique("ns"), team.name(), null, builtin.id());
        String repo = ns.name() + "/app/with/slashes";

        assertThat(granted(alice, repo)).containsExactlyInAnyOrderElementsOf(ALL);
        assertThat(granted(bob, repo)).containsExactlyInAnyOrder("pull", "push");
        assertThat(granted(carol, repo)).containsExactly("pull");
        assertThat(granted(dave, repo)).isEmpty();
        assertThat(granted(null, repo)).isEmpty();

        namespaces.changeVisibility(alice, ns.id(), Visibility.PROTECTED);
        assertThat(granted(dave, repo)).containsExactly("pull");
        assertThat(granted(null, repo)).isEmpty();

        namespaces.changeVisibility(alice, ns.id(), Visibility.PUBLIC);
        assertThat(granted(null, repo)).containsExactly("pull");
        assertThat(granted(dave, repo)).containsExactly("pull");
    }

    @Test
    void theGlobalNamespaceIsForAdminsToPushAndEveryoneToPull() {
        assertThat(granted(admin, "busybox")).containsExactlyInAnyOrderElementsOf(ALL);
        assertThat(granted(alice, "busybox")).containsExactly("pull");
        assertThat(granted(null, "busybox")).containsExactly("pull");
    }

    @Test
    void aNamespaceThatDoesNotExistYetIsOnlyForAdmins() {
        String repo = unique("nosuch") + "/app";
        assertThat(granted(admin, repo)).containsExactlyInAnyOrderElementsOf(ALL);
        assertThat(granted(alice, repo)).isEmpty();
        assertThat(granted(null, repo)).isEmpty();
        assertThat(granted(admin, "Not_A_Namespace/app")).isEmpty();
    }

    @Test
    void catalogIsForAdminsAndUnknownTypesGetNothing() {
        Scope catalog = new Scope("registry", null, "catalog", Set.of("*"));
        assertThat(policy.grantedActions(principal(admin), builtin, catalog)).containsExactly("*");
        assertThat(policy.grantedActions(principal(portus()), builtin, catalog)).containsExactly("*");
        assertThat(policy.grantedActions(principal(alice), builtin, catalog)).isEmpty();
        assertThat(policy.grantedActions(null, builtin, catalog)).isEmpty();
        assertThat(policy.grantedActions(principal(admin), builtin, new Scope("registry", null, "other", Set.of("*"))))
                .isEmpty();
        assertThat(policy.grantedActions(principal(admin), builtin, new Scope("plugin", null, "x", Set.of("pull"))))
                .isEmpty();
    }

    @Test
    void namespacesArePerRegistryAndEveryUserHasAPersonalOneInEach() {
        Registry external = registries.create(unique("ext"), unique("registry") + ".example:5000", false, null, true);
        KnownRegistry known = lookup.byService(external.hostname()).orElseThrow();
        assertThat(known.globalNamespace()).isEqualTo("portus_global_namespace_" + external.id());
        String ns = personal(alice);

        assertThat(policy.grantedActions(principal(alice), known, repo(ns + "/app"))).contains("push");
        assertThat(policy.grantedActions(principal(bob), known, repo(ns + "/app"))).isEmpty();
        User late = user("late");
        assertThat(policy.grantedActions(principal(late), known, repo(personal(late) + "/app"))).contains("push");

        Team team = teams.create(alice, unique("team"), "", null);
        Namespace onBuiltin = namespaces.create(alice, unique("ns"), team.name(), null, builtin.id());
        assertThat(granted(alice, onBuiltin.name() + "/app")).contains("push");
        assertThat(policy.grantedActions(principal(alice), known, repo(onBuiltin.name() + "/app")))
                .as("not created in the external registry").isEmpty();
    }

    @Test
    void aRegistryMovedOrAddedHereIsFoundAtOnceThoughLookupsAreCached() {
        String host = unique("moving") + ".example:5000";
        assertThat(lookup.byService(host)).isEmpty();
        Registry external = registries.create(unique("ext"), host, false, null, true);
        assertThat(lookup.byService(host)).get().extracting(KnownRegistry::id).isEqualTo(external.id());

        String moved = unique("moved") + ".example:5000";
        registries.update(null, external.id(), null, moved, null, null, true);
        assertThat(lookup.byService(moved)).get().extracting(KnownRegistry::id).isEqualTo(external.id());
        assertThat(lookup.byService(host)).isEmpty();
    }

    private User user(String prefix) {
        String name = unique(prefix);
        return users.create(NewUser.regular(name, name + "@example.com", "password-of-" + name));
    }

    private User portus() {
        return users.findByUsername(User.PORTUS).orElseThrow();
    }

    private String personal(User user) {
        return namespaces.get(users.get(user.id()).namespaceId()).name();
    }

    private Set<String> granted(User user, String repository) {
        return policy.grantedActions(user == null ? null : principal(user), builtin, repo(repository));
    }

    private static Scope repo(String name) {
        return new Scope("repository", null, name, Set.of("pull", "push", "delete", "*", "fork"));
    }

    private static Principal principal(User user) {
        return new Principal(user.id(), user.username(), user.admin(), "stamp");
    }

}
