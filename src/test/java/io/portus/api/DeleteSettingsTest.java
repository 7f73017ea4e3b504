package io.portus.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.portus.account.ApplicationTokenService;
import io.portus.account.UserService;
import io.portus.catalog.Poll;
import io.portus.namespace.NamespaceService;
import io.portus.namespace.RegistryService;
import io.portus.support.DatabaseTest;
import io.portus.support.OnDatabase;
import io.portus.team.TeamService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/** Namespace and team deletes under Portus's {@code delete.contributors} and {@code delete.enabled} switches. */
class DeleteSettingsTest {

    @ContextConfiguration(initializers = OnDatabase.H2.class)
    abstract static class WithTeam extends DatabaseTest {

        @Autowired UserService users;
        @Autowired ApplicationTokenService tokens;
        @Autowired RegistryService registries;
        @Autowired NamespaceService namespaces;
        @Autowired TeamService teams;

        TeamFixture t;

        @BeforeEach
        void setUp() {
            long builtin = Poll.until("built-in registry", () -> registries.builtin()
                    .filter(r -> !r.hostname().endsWith(":0"))).id();
            t = new TeamFixture(users, tokens, Integer.parseInt(environment.getProperty("local.server.port")), builtin,
                    DatabaseTest::unique);
        }
    }

    @Nested
    @TestPropertySource(properties = "portus.delete.contributors=true")
    class ContributorsMayDelete extends WithTeam {

        @Test
        void aContributorDeletesTheNamespaceThenTheTeamButAViewerDoesNot() {
            assertThat(t.asViewer.delete("/api/v1/namespaces/" + t.namespaceId).status()).isEqualTo(403);
            assertThat(t.asContributor.delete("/api/v1/namespaces/" + t.namespaceId).status()).isEqualTo(204);
            assertThat(t.asViewer.delete("/api/v1/teams/" + t.teamId).status()).isEqualTo(403);
            assertThat(t.asContributor.delete("/api/v1/teams/" + t.teamId).status()).isEqualTo(204);
            assertThat(teams.find(t.teamId)).isEmpty();
        }
    }

    @Nested
    @TestPropertySource(properties = "portus.delete.enabled=false")
    class DeletesDisabled extends WithTeam {

        @Test
        void evenTheOwnerGets405AndNothingChanges() {
            var ns = t.asOwner.delete("/api/v1/namespaces/" + t.namespaceId);
            assertThat(ns.status()).isEqualTo(405);
            assertThat(ns.json().get("error").asString()).contains("PORTUS_DELETE_ENABLED");
            assertThat(t.asOwner.delete("/api/v1/teams/" + t.teamId).status()).isEqualTo(405);
            assertThat(namespaces.find(registries.builtin().orElseThrow().id(), t.namespace)).isPresent();
            assertThat(teams.find(t.teamId)).isPresent();
        }
    }
}
