package io.portus.auth.policy;

import io.portus.namespace.Visibility;
import io.portus.team.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Portus's permission matrix (docs/compatibility.md#permission-matrix, master / 2.4+), cell by cell. Each row of {@link #MATRIX}
 * is one actor and namespace with the expected answer for pull, push, delete and {@code *}; {@link #VARIANTS}
 * covers the push policies and the delete switches.
 */
class PermissionMatrixTest {

    private static final Map<String, PolicySettings> SETTINGS = Map.of(
            "default", PolicySettings.DEFAULTS,
            "delete-off", new PolicySettings(PushPolicy.ALLOW_TEAMS, false, false),
            "contributors-delete", new PolicySettings(PushPolicy.ALLOW_TEAMS, true, true),
            "contributors-delete-off", new PolicySettings(PushPolicy.ALLOW_TEAMS, false, true),
            "allow-personal", new PolicySettings(PushPolicy.ALLOW_PERSONAL, true, false),
            "admin-only", new PolicySettings(PushPolicy.ADMIN_ONLY, true, false),
            "unknown-policy", new PolicySettings(PushPolicy.UNKNOWN, true, false));

    /** Default settings (allow-teams, delete enabled, contributors may not delete). Y/N for pull push delete *. */
    private static final String MATRIX = """
            # actor    namespace       visibility  role         pull push delete *
            ANONYMOUS  TEAM            PUBLIC      -            Y    N    N      N
            ANONYMOUS  TEAM            PROTECTED   -            N    N    N      N
            ANONYMOUS  TEAM            PRIVATE     -            N    N    N      N
            ANONYMOUS  GLOBAL          PUBLIC      -            Y    N    N      N
            ANONYMOUS  GLOBAL          PROTECTED   -            N    N    N      N
            ANONYMOUS  PERSONAL_OTHER  PRIVATE     -            N    N    N      N
            ANONYMOUS  PERSONAL_OTHER  PUBLIC      -            Y    N    N      N
            ANONYMOUS  MISSING         -           -            N    N    N      N
            USER       TEAM            PUBLIC      -            Y    N    N      N
            USER       TEAM            PROTECTED   -            Y    N    N      N
            USER       TEAM            PRIVATE     -            N    N    N      N
            USER       GLOBAL          PUBLIC      -            Y    N    N      N
            USER       GLOBAL          PROTECTED   -            Y    N    N      N
            USER       PERSONAL_OWN    PRIVATE     OWNER        Y    Y    Y      Y
            USER       PERSONAL_OWN    PRIVATE     -            Y    Y    Y      Y
            USER       PERSONAL_OTHER  PRIVATE     -            N    N    N      N
            USER       PERSONAL_OTHER  PROTECTED   -            Y    N    N      N
            USER       PERSONAL_OTHER  PUBLIC      -            Y    N    N      N
            USER       MISSING         -           -            N    N    N      N
            USER       TEAM            PRIVATE     VIEWER       Y    N    N      N
            USER       TEAM            PROTECTED   VIEWER       Y    N    N      N
            USER       TEAM            PUBLIC      VIEWER       Y    N    N      N
            USER       TEAM            PRIVATE     CONTRIBUTOR  Y    Y    N      N
            USER       TEAM            PUBLIC      CONTRIBUTOR  Y    Y    N      N
            USER       TEAM            PRIVATE     OWNER        Y    Y    Y      Y
            USER       TEAM            PROTECTED   OWNER        Y    Y    Y      Y
            ADMIN      TEAM            PRIVATE     -            Y    Y    Y      Y
            ADMIN      TEAM            PUBLIC      -            Y    Y    Y      Y
            ADMIN      GLOBAL          PUBLIC      OWNER        Y    Y    Y      Y
            ADMIN      GLOBAL          PROTECTED   -            Y    Y    Y      Y
            ADMIN      PERSONAL_OWN    PRIVATE     OWNER        Y    Y    Y      Y
            ADMIN      PERSONAL_OTHER  PRIVATE     -            Y    Y    Y      Y
            ADMIN      MISSING         -           -            Y    Y    Y      Y
            PORTUS     TEAM            PRIVATE     -            Y    Y    Y      Y
            PORTUS     GLOBAL          PUBLIC      -            Y    Y    Y      Y
            PORTUS     PERSONAL_OTHER  PRIVATE     -            Y    Y    Y      Y
            PORTUS     MISSING         -           -            Y    Y    Y      Y
            """;

    /** One cell each: settings, actor, namespace, visibility, role, action, expected. */
    private static final String VARIANTS = """
            # settings               actor   namespace       visibility role         action  allowed
            delete-off               USER    TEAM            PRIVATE    OWNER        delete  N
            delete-off               USER    TEAM            PRIVATE    OWNER        *       N
            delete-off               USER    TEAM            PRIVATE    OWNER        push    Y
            delete-off               USER    PERSONAL_OWN    PRIVATE    OWNER        delete  N
            delete-off               ADMIN   TEAM            PRIVATE    -            delete  N
            delete-off               ADMIN   TEAM            PRIVATE    -            *       N
            delete-off               PORTUS  TEAM            PRIVATE    -            *       N
            delete-off               ADMIN   TEAM            PRIVATE    -            push    Y
            contributors-delete      USER    TEAM            PRIVATE    CONTRIBUTOR  delete  Y
            contributors-delete      USER    TEAM            PRIVATE    CONTRIBUTOR  *       Y
            contributors-delete      USER    TEAM            PRIVATE    VIEWER       delete  N
            contributors-delete      USER    TEAM            PUBLIC     -            delete  N
            contributors-delete-off  USER    TEAM            PRIVATE    CONTRIBUTOR  delete  N
            allow-personal           USER    PERSONAL_OWN    PRIVATE    OWNER        push    Y
            allow-personal           USER    TEAM            PRIVATE    OWNER        push    N
            allow-personal           USER    TEAM            PRIVATE    CONTRIBUTOR  push    N
            allow-personal           USER    PERSONAL_OTHER  PUBLIC     -            push    N
            allow-personal           USER    TEAM            PRIVATE    OWNER        pull    Y
            allow-personal           USER    TEAM            PRIVATE    OWNER        delete  Y
            allow-personal           ADMIN   TEAM            PRIVATE    -            push    Y
            allow-personal           ADMIN   GLOBAL          PUBLIC     -            push    Y
            allow-personal           PORTUS  TEAM            PRIVATE    -            push    Y
            admin-only               USER    PERSONAL_OWN    PRIVATE    OWNER        push    N
            admin-only               USER    TEAM            PRIVATE    OWNER        push    N
            admin-only               USER    TEAM            PRIVATE    OWNER        pull    Y
            admin-only               ADMIN   TEAM            PRIVATE    -            push    Y
            admin-only               ADMIN   MISSING         -          -            push    Y
            admin-only               PORTUS  GLOBAL          PUBLIC     -            push    Y
            unknown-policy           ADMIN   TEAM            PRIVATE    -            push    N
            unknown-policy           ADMIN   MISSING         -          -            push    N
            unknown-policy           PORTUS  TEAM            PRIVATE    -            push    N
            unknown-policy           USER    PERSONAL_OWN    PRIVATE    OWNER        push    N
            unknown-policy           USER    TEAM            PRIVATE    OWNER        push    N
            unknown-policy           ADMIN   TEAM            PRIVATE    -            pull    Y
            unknown-policy           USER    TEAM            PRIVATE    OWNER        delete  Y
            default                  ADMIN   TEAM            PRIVATE    -            fork    N
            default                  PORTUS  TEAM            PRIVATE    -            fork    N
            default                  ADMIN   TEAM            PRIVATE    -            PULL    N
            default                  ADMIN   TEAM            PRIVATE    -            Pull    N
            default                  USER    TEAM            PUBLIC     OWNER        all     N
            default                  ADMIN   TEAM            PRIVATE    -            -       N
            """;

    static Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        String[] actions = {"pull", "push", "delete", "*"};
        for (String[] row : rows(MATRIX)) {
            for (int i = 0; i < actions.length; i++) {
                cells.add(Arguments.of("default", row[0], row[1], row[2], row[3], actions[i], row[4 + i]));
            }
        }
        return cells.stream();
    }

    static Stream<Arguments> variants() {
        return rows(VARIANTS).stream().map(r -> Arguments.of((Object[]) r));
    }

    @ParameterizedTest(name = "{0}: {1} on {2} {3} namespace as {4} -> {5} = {6}")
    @MethodSource({"matrix", "variants"})
    void cell(String settings, String actor, String namespace, String visibility, String role, String action,
              String expected) {
        NamespaceFacts facts = new NamespaceFacts(ActorKind.valueOf(actor), NamespaceKind.valueOf(namespace),
                "-".equals(visibility) ? null : Visibility.valueOf(visibility),
                "-".equals(role) ? null : Role.valueOf(role));
        String act = "-".equals(action) ? "" : action;

        assertThat(PermissionMatrix.allows(facts, act, SETTINGS.get(settings)))
                .as("%s may %s", actor, action)
                .isEqualTo("Y".equals(expected));
    }

    @Test
    void catalogIsForAdminsAndPortusOnly() {
        assertThat(PermissionMatrix.catalog(ActorKind.ANONYMOUS)).isFalse();
        assertThat(PermissionMatrix.catalog(ActorKind.USER)).isFalse();
        assertThat(PermissionMatrix.catalog(ActorKind.ADMIN)).isTrue();
        assertThat(PermissionMatrix.catalog(ActorKind.PORTUS)).isTrue();
    }

    @Test
    void grantedKeepsTheRequestOrderAndDropsWhatIsNotAllowed() {
        NamespaceFacts contributor = new NamespaceFacts(ActorKind.USER, NamespaceKind.TEAM, Visibility.PRIVATE,
                Role.CONTRIBUTOR);
        Set<String> requested = new LinkedHashSet<>(List.of("push", "fork", "*", "pull", "delete"));

        assertThat(PermissionMatrix.granted(contributor, requested, PolicySettings.DEFAULTS))
                .containsExactly("push", "pull");
    }

    @Test
    void pushPolicyParsesPortusValuesAndTreatsAnythingElseAsUnknown() {
        assertThat(PushPolicy.parse("allow-teams")).isEqualTo(PushPolicy.ALLOW_TEAMS);
        assertThat(PushPolicy.parse(" Allow-Personal ")).isEqualTo(PushPolicy.ALLOW_PERSONAL);
        assertThat(PushPolicy.parse("admin-only")).isEqualTo(PushPolicy.ADMIN_ONLY);
        assertThat(PushPolicy.parse("allow-everyone")).isEqualTo(PushPolicy.UNKNOWN);
        assertThat(PushPolicy.parse(null)).isEqualTo(PushPolicy.UNKNOWN);
    }

    private static List<String[]> rows(String table) {
        return table.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.split("\\s+")).toList();
    }
}
