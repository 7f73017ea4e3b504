package io.portus.auth.scope;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopesTest {

    @Test
    void parsesTypeNameAndActionsInOrder() {
        Scope scope = Scopes.parse("repository:team/app:push,pull");
        assertThat(scope.type()).isEqualTo("repository");
        assertThat(scope.resourceClass()).isNull();
        assertThat(scope.name()).isEqualTo("team/app");
        assertThat(scope.actions()).containsExactly("push", "pull");
    }

    @Test
    void nameMayCarryOneHostPortColon() {
        Scope scope = Scopes.parse("repository:registry.lan:5000/team/app:pull");
        assertThat(scope.name()).isEqualTo("registry.lan:5000/team/app");
        assertThat(scope.actions()).containsExactly("pull");
    }

    @Test
    void resourceClassIsKeptAndFormatted() {
        Scope scope = Scopes.parse("repository(plugin):vieux/sshfs:pull");
        assertThat(scope.type()).isEqualTo("repository");
        assertThat(scope.resourceClass()).isEqualTo("plugin");
        assertThat(Scopes.format(scope)).isEqualTo("repository(plugin):vieux/sshfs:pull");
    }

    @Test
    void catalogScopeWithStar() {
        Scope scope = Scopes.parse("registry:catalog:*");
        assertThat(scope).isEqualTo(new Scope("registry", null, "catalog", Set.of("*")));
        assertThat(scope.toString()).isEqualTo("registry:catalog:*");
    }

    @Test
    void duplicateAndEmptyActionsCollapse() {
        assertThat(Scopes.parse("repository:a:pull,,pull,push,").actions()).containsExactly("pull", "push");
        assertThat(Scopes.parse("repository:a:").actions()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "repository", "repository:foo", "repository:", ":foo:pull", "repository::pull",
            "repository:a:b:c:pull", "Repository:foo:pull", "repository(:foo:pull", "repo sitory:foo:pull",
            "repository:fo\"o:pull", "repository(a)(b):foo:pull"})
    void malformedScopesAreRefused(String raw) {
        assertThatThrownBy(() -> Scopes.parse(raw)).isInstanceOf(InvalidScopeException.class);
    }

    @Test
    void requestedScopesMergeSameResourceKeepingRequestOrder() {
        List<Scope> scopes = Scopes.parseRequested(List.of(
                "repository:busybox:push", "repository:busybox:pull", "repository:other:pull",
                "repository:busybox:push,*"));
        assertThat(scopes).hasSize(2);
        assertThat(scopes.get(0).name()).isEqualTo("busybox");
        assertThat(scopes.get(0).actions()).containsExactly("push", "pull", "*");
        assertThat(scopes.get(1).name()).isEqualTo("other");
    }

    @Test
    void oneValueMayListSeveralScopesSpaceSeparated() {
        List<Scope> scopes = Scopes.parseRequested(List.of("repository:a:pull repository:b:pull,push", " "));
        assertThat(Scopes.formatAll(scopes)).isEqualTo("repository:a:pull repository:b:pull,push");
    }

    @Test
    void unknownResourceTypeIsRefused() {
        assertThatThrownBy(() -> Scopes.parseRequested(List.of("repository:a:pull", "plugin:a:pull")))
                .isInstanceOf(InvalidScopeException.class)
                .hasMessageContaining("unknown resource type");
    }

    @Test
    void noScopesIsAnEmptyList() {
        assertThat(Scopes.parseRequested(List.of())).isEmpty();
    }

    @Test
    void actionsPreserveOrderInTheRecord() {
        Scope scope = new Scope("repository", null, "x", new java.util.LinkedHashSet<>(List.of("push", "pull", "delete")));
        assertThat(scope.actions()).containsExactly("push", "pull", "delete");
        assertThat(Scopes.format(scope)).isEqualTo("repository:x:push,pull,delete");
    }
}
