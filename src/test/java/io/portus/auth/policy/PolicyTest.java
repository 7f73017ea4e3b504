package io.portus.auth.policy;

import io.portus.namespace.Visibility;
import io.portus.team.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UI and API rules of the {@link Policy} (Portus master's {@code app/policies}), cell by cell: one table per
 * kind of target, each row an actor and a target under some settings with Y/N for every action of the table's
 * header. The token grants cell by cell are {@link PermissionMatrixTest}'s.
 */
class PolicyTest {

    private static final PolicySettings ON = PolicySettings.DEFAULTS;

    private static final Map<String, PolicySettings> SETTINGS = Map.ofEntries(
            entry("default", ON),
            entry("delete-off", new PolicySettings(PushPolicy.ALLOW_TEAMS, false, false)),
            entry("contrib-delete", new PolicySettings(PushPolicy.ALLOW_TEAMS, true, true)),
            entry("allow-personal", new PolicySettings(PushPolicy.ALLOW_PERSONAL, true, false)),
            entry("admin-only", new PolicySettings(PushPolicy.ADMIN_ONLY, true, false)),
            entry("unknown-policy", new PolicySettings(PushPolicy.UNKNOWN, true, false)),
            entry("no-create-ns", switches(false, true, true, true, true)),
            entry("no-manage-ns", switches(true, false, true, true, true)),
            entry("no-visibility", switches(true, true, false, true, true)),
            entry("no-create-team", switches(true, true, true, false, true)),
            entry("no-manage-team", switches(true, true, true, true, false)),
            entry("no-create-webhook", new PolicySettings(PushPolicy.ALLOW_TEAMS, true, false, true, true, true, true,
                    true, false, true)),
            entry("no-manage-webhook", new PolicySettings(PushPolicy.ALLOW_TEAMS, true, false, true, true, true, true,
                    true, true, false)));

    private static final String NAMESPACES = """
        #settings      actor     namespace      visibility role        SHOW CREATE UPDATE CHANGE_VISIBILITY CHANGE_TEAM DELETE
        default        ANONYMOUS TEAM           PUBLIC     -           Y    N      N      N                 N           N
        default        ANONYMOUS TEAM           PRIVATE    -           N    N      N      N                 N           N
        default        ANONYMOUS GLOBAL         PUBLIC     -           Y    N      N      N                 N           N
        default        USER      TEAM           PRIVATE    OWNER       Y    Y      Y      Y                 Y           Y
        default        USER      TEAM           PRIVATE    CONTRIBUTOR Y    Y      N      N                 N           N
        default        USER      TEAM           PRIVATE    VIEWER      Y    N      N      N                 N           N
        default        USER      TEAM           PRIVATE    -           N    N      N      N                 N           N
        default        USER      TEAM           PROTECTED  -           Y    N      N      N                 N           N
        default        USER      TEAM           PUBLIC     -           Y    N      N      N                 N           N
        default        USER      PERSONAL_OWN   PRIVATE    OWNER       Y    Y      Y      Y                 Y           Y
        default        USER      PERSONAL_OWN   PRIVATE    -           Y    Y      Y      Y                 Y           Y
        default        USER      PERSONAL_OTHER PRIVATE    -           N    N      N      N                 N           N
        default        USER      PERSONAL_OTHER PUBLIC     -           Y    N      N      N                 N           N
        default        USER      GLOBAL         PUBLIC     -           Y    N      N      N                 N           N
        default        ADMIN     TEAM           PRIVATE    -           Y    Y      Y      Y                 Y           Y
        default        ADMIN     GLOBAL         PUBLIC     OWNER       Y    Y      Y      Y                 Y           N
        default        ADMIN     PERSONAL_OTHER PRIVATE    -           Y    Y      Y      Y                 Y           Y
        default        PORTUS    TEAM           PRIVATE    -           Y    Y      Y      Y                 Y           Y
        default        PORTUS    GLOBAL         PUBLIC     -           Y    Y      Y      Y                 Y           N
        no-create-ns   USER      TEAM           PRIVATE    OWNER       Y    N      Y      Y                 Y           Y
        no-create-ns   USER      PERSONAL_OWN   PRIVATE    OWNER       Y    N      Y      Y                 Y           Y
        no-create-ns   ADMIN     TEAM           PRIVATE    -           Y    Y      Y      Y                 Y           Y
        no-manage-ns   USER      TEAM           PRIVATE    OWNER       Y    Y      N      Y                 N           Y
        no-manage-ns   ADMIN     TEAM           PRIVATE    -           Y    Y      Y      Y                 Y           Y
        no-visibility  USER      TEAM           PRIVATE    OWNER       Y    Y      Y      N                 Y           Y
        no-visibility  ADMIN     GLOBAL         PUBLIC     -           Y    Y      Y      Y                 Y           N
        admin-only     USER      TEAM           PRIVATE    OWNER       Y    N      N      Y                 Y           Y
        admin-only     ADMIN     TEAM           PRIVATE    -           Y    Y      Y      Y                 Y           Y
        allow-personal USER      TEAM           PRIVATE    OWNER       Y    N      N      Y                 Y           Y
        allow-personal USER      PERSONAL_OWN   PRIVATE    OWNER       Y    Y      Y      Y                 Y           Y
        unknown-policy ADMIN     TEAM           PRIVATE    -           Y    N      N      Y                 Y           Y
        unknown-policy USER      TEAM           PRIVATE    OWNER       Y    N      N      Y                 Y           Y
        delete-off     USER      TEAM           PRIVATE    OWNER       Y    Y      Y      Y                 Y           N
        delete-off     ADMIN     TEAM           PRIVATE    -           Y    Y      Y      Y                 Y           N
        contrib-delete USER      TEAM           PRIVATE    CONTRIBUTOR Y    Y      N      N                 N           Y
        contrib-delete USER      TEAM           PRIVATE    VIEWER      Y    N      N      N                 N           N
        contrib-delete ADMIN     GLOBAL         PUBLIC     -           Y    Y      Y      Y                 Y           N
        """;

    private static final String WEBHOOKS = """
        #settings         actor     namespace      visibility role        SHOW CREATE MANAGE
        default           ANONYMOUS TEAM           PUBLIC     -           N    N      N
        default           USER      TEAM           PRIVATE    OWNER       Y    Y      Y
        default           USER      TEAM           PRIVATE    CONTRIBUTOR Y    N      N
        default           USER      TEAM           PRIVATE    VIEWER      Y    N      N
        default           USER      TEAM           PUBLIC     -           N    N      N
        default           USER      PERSONAL_OWN   PRIVATE    OWNER       Y    Y      Y
        default           USER      PERSONAL_OWN   PRIVATE    -           Y    Y      Y
        default           USER      PERSONAL_OTHER PUBLIC     -           N    N      N
        default           USER      GLOBAL         PUBLIC     -           N    N      N
        default           ADMIN     TEAM           PRIVATE    -           Y    Y      Y
        default           ADMIN     GLOBAL         PUBLIC     OWNER       Y    Y      Y
        default           PORTUS    TEAM           PRIVATE    -           Y    Y      Y
        no-create-webhook USER      TEAM           PRIVATE    OWNER       Y    N      Y
        no-create-webhook ADMIN     TEAM           PRIVATE    -           Y    Y      Y
        no-manage-webhook USER      TEAM           PRIVATE    OWNER       Y    Y      N
        no-manage-webhook ADMIN     TEAM           PRIVATE    -           Y    Y      Y
        """;

    /** Team rows: the target is a team, visible or hidden (personal, global); "-" role = not a member. */
    private static final String TEAMS = """
        #settings      actor     team    role        CREATE CREATE_FOR_OTHERS SHOW UPDATE MANAGE_MEMBERS DELETE
        default        ANONYMOUS visible -           N      N                 N    N      N              N
        default        USER      visible OWNER       Y      N                 Y    Y      Y              Y
        default        USER      visible CONTRIBUTOR Y      N                 Y    N      N              N
        default        USER      visible VIEWER      Y      N                 Y    N      N              N
        default        USER      visible -           Y      N                 N    N      N              N
        default        USER      hidden  OWNER       Y      N                 Y    N      N              N
        default        ADMIN     visible -           Y      Y                 Y    Y      Y              Y
        default        ADMIN     hidden  OWNER       Y      Y                 Y    N      N              N
        default        PORTUS    visible -           Y      Y                 Y    Y      Y              Y
        no-create-team USER      visible OWNER       N      N                 Y    Y      Y              Y
        no-create-team ADMIN     visible -           Y      Y                 Y    Y      Y              Y
        no-manage-team USER      visible OWNER       Y      N                 Y    N      Y              Y
        no-manage-team ADMIN     visible -           Y      Y                 Y    Y      Y              Y
        delete-off     USER      visible OWNER       Y      N                 Y    Y      Y              N
        delete-off     ADMIN     visible -           Y      Y                 Y    Y      Y              N
        contrib-delete USER      visible CONTRIBUTOR Y      N                 Y    N      N              Y
        contrib-delete USER      visible VIEWER      Y      N                 Y    N      N              N
        contrib-delete USER      hidden  CONTRIBUTOR Y      N                 Y    N      N              N
        """;

    /** Repository rows (the token's pull/push/delete cell by cell are {@link PermissionMatrixTest}'s). */
    private static final String REPOSITORIES = """
        #settings  actor     namespace    visibility role        PULL PUSH DELETE DESCRIBE
        default    ANONYMOUS TEAM         PUBLIC     -           Y    N    N      N
        default    USER      TEAM         PRIVATE    OWNER       Y    Y    Y      Y
        default    USER      TEAM         PRIVATE    CONTRIBUTOR Y    Y    N      Y
        default    USER      TEAM         PRIVATE    VIEWER      Y    N    N      N
        default    USER      TEAM         PUBLIC     -           Y    N    N      N
        default    USER      PERSONAL_OWN PRIVATE    OWNER       Y    Y    Y      Y
        default    ADMIN     TEAM         PRIVATE    -           Y    Y    Y      Y
        default    PORTUS    GLOBAL       PUBLIC     -           Y    Y    Y      Y
        admin-only USER      TEAM         PRIVATE    CONTRIBUTOR Y    N    N      Y
        delete-off USER      TEAM         PRIVATE    OWNER       Y    Y    N      Y
        """;

    /** Account rows: the target account is the actor's own, someone else's, or a bot's. */
    private static final String ADMINISTRATION = """
        #actor    account ADMINISTER ENABLE DISABLE MANAGE_APPLICATION_TOKENS
        ANONYMOUS other   N          N      N       N
        USER      own     N          N      Y       Y
        USER      other   N          N      N       N
        USER      bot     N          N      N       N
        ADMIN     own     Y          Y      Y       Y
        ADMIN     other   Y          Y      Y       N
        ADMIN     bot     Y          Y      Y       Y
        PORTUS    other   Y          Y      Y       N
        PORTUS    bot     Y          Y      Y       Y
        """;

    static Stream<Arguments> namespaces() {
        return cells(NAMESPACES, 5);
    }

    static Stream<Arguments> webhooks() {
        return cells(WEBHOOKS, 5);
    }

    static Stream<Arguments> teams() {
        return cells(TEAMS, 4);
    }

    @ParameterizedTest(name = "{0}: {1} on {2} {3} namespace as {4} -> {5} = {6}")
    @MethodSource("namespaces")
    void namespace(String settings, String actor, String namespace, String visibility, String role, String action,
                   boolean expected) {
        assertThat(policy(settings).allows(NamespaceAction.valueOf(action), facts(actor, namespace, visibility, role)))
                .as("%s may %s", actor, action).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1} on {2} {3} namespace as {4} -> webhooks {5} = {6}")
    @MethodSource("webhooks")
    void webhook(String settings, String actor, String namespace, String visibility, String role, String action,
                 boolean expected) {
        assertThat(policy(settings).allows(WebhookAction.valueOf(action), facts(actor, namespace, visibility, role)))
                .as("%s may %s webhooks", actor, action).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1} on a {2} team as {3} -> {4} = {5}")
    @MethodSource("teams")
    void team(String settings, String actor, String team, String role, String action, boolean expected) {
        TeamFacts facts = new TeamFacts(ActorKind.valueOf(actor), "hidden".equals(team),
                "-".equals(role) ? null : Role.valueOf(role));
        assertThat(policy(settings).allows(TeamAction.valueOf(action), facts))
                .as("%s may %s", actor, action).isEqualTo(expected);
    }

    @Test
    void commentsAreDeletedByTheirAuthorsAndAdmins() {
        assertThat(Policy.allows(CommentAction.DELETE, ActorKind.ANONYMOUS, false)).isFalse();
        assertThat(Policy.allows(CommentAction.DELETE, ActorKind.USER, false)).isFalse();
        assertThat(Policy.allows(CommentAction.DELETE, ActorKind.USER, true)).isTrue();
        assertThat(Policy.allows(CommentAction.DELETE, ActorKind.ADMIN, false)).isTrue();
        assertThat(Policy.allows(CommentAction.DELETE, ActorKind.PORTUS, false)).isTrue();
    }

    static Stream<Arguments> repositories() {
        return cells(REPOSITORIES, 5);
    }

    static Stream<Arguments> accounts() {
        return cells(ADMINISTRATION, 2);
    }

    @ParameterizedTest(name = "{0}: {1} on {2} {3} namespace as {4} -> {5} = {6}")
    @MethodSource("repositories")
    void repository(String settings, String actor, String namespace, String visibility, String role, String action,
                    boolean expected) {
        assertThat(policy(settings).allows(RepositoryAction.valueOf(action), facts(actor, namespace, visibility, role)))
                .as("%s may %s", actor, action).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on {1} account -> {2} = {3}")
    @MethodSource("accounts")
    void account(String actor, String account, String action, boolean expected) {
        UserFacts facts = new UserFacts(ActorKind.valueOf(actor), "own".equals(account), "bot".equals(account));
        assertThat(Policy.allows(UserAction.valueOf(action), facts)).as("%s may %s", actor, action).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(ActorKind.class)
    void everyTableHasEveryActor(ActorKind actor) {
        for (String table : List.of(REPOSITORIES, NAMESPACES, WEBHOOKS, TEAMS, ADMINISTRATION)) {
            assertThat(rows(table)).as(header(table).toString())
                    .anyMatch(r -> Arrays.asList(r).contains(actor.name()));
        }
    }

    @Test
    void everyActionIsInATable() {
        List<String> columns = new ArrayList<>();
        for (String table : List.of(REPOSITORIES, NAMESPACES, WEBHOOKS, TEAMS, ADMINISTRATION)) {
            columns.addAll(header(table));
        }
        columns.add(CommentAction.DELETE.name());
        Stream.of(RepositoryAction.values(), NamespaceAction.values(), WebhookAction.values(), TeamAction.values(),
                        UserAction.values(), CommentAction.values())
                .flatMap(Arrays::stream)
                .forEach(a -> assertThat(columns).as("the tables' columns").contains(((Enum<?>) a).name()));
        assertThat(SETTINGS.keySet()).allMatch(name -> NAMESPACES.contains(name) || TEAMS.contains(name)
                || WEBHOOKS.contains(name));
    }

    /** allow-teams, delete on, contributors off, and the user-permission switches as given. */
    private static PolicySettings switches(boolean createNamespace, boolean manageNamespace, boolean changeVisibility,
                                           boolean createTeam, boolean manageTeam) {
        return new PolicySettings(PushPolicy.ALLOW_TEAMS, true, false, createNamespace, manageNamespace,
                changeVisibility, createTeam, manageTeam, true, true);
    }

    private static Policy policy(String settings) {
        return new Policy(SETTINGS.get(settings));
    }

    private static NamespaceFacts facts(String actor, String namespace, String visibility, String role) {
        return new NamespaceFacts(ActorKind.valueOf(actor), NamespaceKind.valueOf(namespace),
                Visibility.valueOf(visibility), "-".equals(role) ? null : Role.valueOf(role));
    }

    /** One cell per action column: the row's leading {@code facts} fields, the action, the expected answer. */
    private static Stream<Arguments> cells(String table, int facts) {
        List<String> header = header(table);
        List<Arguments> cells = new ArrayList<>();
        for (String[] row : rows(table)) {
            for (int i = facts; i < row.length; i++) {
                Object[] args = new Object[facts + 2];
                System.arraycopy(row, 0, args, 0, facts);
                args[facts] = header.get(i);
                args[facts + 1] = "Y".equals(row[i]);
                cells.add(Arguments.of(args));
            }
        }
        return cells.stream();
    }

    private static List<String> header(String table) {
        String line = table.lines().map(String::strip).filter(l -> l.startsWith("#")).findFirst().orElseThrow();
        return List.of(line.substring(1).strip().split("\\s+"));
    }

    private static List<String[]> rows(String table) {
        return table.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.split("\\s+")).toList();
    }
}
