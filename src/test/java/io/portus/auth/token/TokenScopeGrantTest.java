package io.portus.auth.token;

import io.portus.account.TokenScope;
import io.portus.auth.scope.Scope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scoped application token's grants are the intersection of its scope and what the user may do
 * ({@link TokenService#withinTokenScope}), cell by cell: every action × a repository inside / outside the scope ×
 * the user allowed or not, for a namespace rule and a repository rule. The catalog is never granted.
 */
class TokenScopeGrantTest {

    private static final TokenScope SCOPE = TokenScope.parse("team1:pull,push,delete team2/app:pull,push,delete");

    private static final String TABLE = """
        #repository       inside  user-may  action   granted
        team1/app         Y       Y         pull     Y
        team1/app         Y       Y         push     Y
        team1/app         Y       Y         delete   Y
        team1/app         Y       N         pull     N
        team1/app         Y       N         push     N
        team1/app         Y       N         delete   N
        team1/tools/app   Y       Y         push     Y
        team2/app         Y       Y         pull     Y
        team2/app         Y       Y         push     Y
        team2/app         Y       Y         delete   Y
        team2/app         Y       N         pull     N
        team2/app         Y       N         push     N
        team2/app         Y       N         delete   N
        team2/other       N       Y         pull     N
        team2/other       N       Y         push     N
        team2/other       N       Y         delete   N
        team2/app2        N       Y         pull     N
        team3/app         N       Y         pull     N
        team3/app         N       Y         push     N
        team3/app         N       Y         delete   N
        team3/app         N       N         pull     N
        team11/app        N       Y         pull     N
        team1             N       Y         pull     N
        busybox           N       Y         pull     N
        team1/app         Y       Y         *        N
        """;

    static Stream<Arguments> cells() {
        List<Arguments> rows = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            String[] c = line.strip().split("\\s+");
            rows.add(Arguments.of(c[0], c[1].equals("Y"), c[2].equals("Y"), c[3], c[4].equals("Y")));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} inside={1} userMay={2} {3} -> {4}")
    @MethodSource("cells")
    void grantsTheIntersection(String repository, boolean inside, boolean userMay, String action, boolean granted) {
        Scope requested = new Scope("repository", null, repository, Set.of(action));
        Set<String> allowed = userMay ? Set.of(action) : Set.of();
        assertThat(SCOPE.allowed(repository, Set.of("pull", "push", "delete")).isEmpty()).as("inside").isEqualTo(!inside);
        assertThat(TokenService.withinTokenScope(SCOPE, requested, allowed))
                .isEqualTo(granted ? Set.of(action) : Set.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopes")
    void actionsOutsideTheRuleAreCut(String scope, String repository, String expected) {
        Scope requested = new Scope("repository", null, repository, new LinkedHashSet<>(List.of("push", "pull", "delete")));
        assertThat(String.join(",", TokenService.withinTokenScope(TokenScope.parse(scope), requested,
                Set.of("pull", "push", "delete")))).isEqualTo(expected);
    }

    static Stream<Arguments> scopes() {
        return Stream.of(
                Arguments.of("team1:pull", "team1/app", "pull"),
                Arguments.of("team1:pull team1/app:push", "team1/app", "push,pull"),
                Arguments.of("team1/app:delete", "team1/app", "delete"),
                Arguments.of("team1/app:pull", "team1/app/sub", ""));
    }

    @ParameterizedTest(name = "catalog for {0}")
    @MethodSource("catalogs")
    void catalogAndOtherTypesAreNeverGranted(String type, String name) {
        assertThat(TokenService.withinTokenScope(SCOPE, new Scope(type, null, name, Set.of("*")), Set.of("*"))).isEmpty();
    }

    static Stream<Arguments> catalogs() {
        return Stream.of(Arguments.of("registry", "catalog"), Arguments.of("repository", "team1/app"));
    }
}
