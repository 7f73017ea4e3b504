package io.portus.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import io.portus.account.ApplicationTokenService;
import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.catalog.CatalogService;
import io.portus.catalog.Poll;
import io.portus.catalog.TestPusher;
import io.portus.namespace.NamespaceService;
import io.portus.namespace.RegistryService;
import io.portus.support.DatabaseTest;
import io.portus.team.TeamService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code DELETE /api/v1/namespaces/:id} and {@code DELETE /api/v1/teams/:id} over real HTTP on each database:
 * Portus's rules and refusals, repositories deleted in the registry and nowhere else, activities.
 */
abstract class DeleteApiContract extends DatabaseTest {

    @Autowired UserService users;
    @Autowired ApplicationTokenService tokens;
    @Autowired RegistryService registries;
    @Autowired NamespaceService namespaces;
    @Autowired TeamService teams;
    @Autowired CatalogService catalog;
    @Autowired JdbcClient jdbc;

    TeamFixture t;
    ApiClient admin;
    long builtinId;
    TestPusher pusher;

    @BeforeEach
    void setUp() {
        int port = Integer.parseInt(environment.getProperty("local.server.port"));
        builtinId = Poll.until("built-in registry", () -> registries.builtin().filter(r -> !r.hostname().endsWith(":0"))).id();
        t = new TeamFixture(users, tokens, port, builtinId, DatabaseTest::unique);
        String name = unique("admin");
        User adminUser = users.changeAdmin(users.create(NewUser.regular(name, name + "@example.com",
                "password-of-" + name)), true);
        admin = new ApiClient(port, null).as(adminUser.username(), tokens.createFor(adminUser, "api").plainToken());
        pusher = new TestPusher("http://127.0.0.1:" + port);
    }

    @Test
    void aNamespaceGoesWithAllItsRepositoriesAndNothingElse() {
        var image = pusher.image(t.namespace + "/app", "1", TestPusher.OCI_MANIFEST, 1, 64);
        pusher.putManifest(t.namespace + "/app", "latest", TestPusher.OCI_MANIFEST, image.manifest());
        var lib = pusher.image(t.namespace + "/tools/lib", "v1", TestPusher.OCI_MANIFEST, 1, 64);
        String personal = t.owner.username();
        pusher.mount(t.namespace + "/app", personal + "/app", "kept", TestPusher.OCI_MANIFEST, image);
        awaitTags(t.namespace + "/app", 2);
        awaitTags(t.namespace + "/tools/lib", 1);
        long kept = awaitTags(personal + "/app", 1);
        var hook = t.asOwner.post("/api/v1/namespaces/" + t.namespaceId + "/webhooks",
                "{\"webhook\":{\"name\":\"ci\",\"url\":\"http://127.0.0.1:9/hook\"}}");
        assertThat(hook.status()).as(hook.toString()).isEqualTo(201);

        assertThat(t.asStranger.delete("/api/v1/namespaces/" + t.namespaceId).status()).isEqualTo(403);
        assertThat(t.asViewer.delete("/api/v1/namespaces/" + t.namespaceId).status()).isEqualTo(403);
        assertThat(t.asContributor.delete("/api/v1/namespaces/" + t.namespaceId).status())
                .as("contributors delete only with delete.contributors").isEqualTo(403);
        assertThat(manifest(t.namespace + "/app", image.digest())).isEqualTo(200);

        assertThat(t.asOwner.delete("/api/v1/namespaces/" + t.namespaceId).status()).isEqualTo(204);

        assertThat(manifest(t.namespace + "/app", image.digest())).isEqualTo(404);
        assertThat(manifest(t.namespace + "/tools/lib", lib.digest())).isEqualTo(404);
        assertThat(manifest(personal + "/app", image.digest())).as("another namespace keeps the same image").isEqualTo(200);
        assertThat(t.asOwner.get("/api/v1/repositories/" + kept).status()).isEqualTo(200);
        assertThat(t.asOwner.get("/api/v1/namespaces/" + t.namespaceId).status()).isEqualTo(404);
        assertThat(catalog.find(builtinId, t.namespace + "/app")).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM webhooks WHERE namespace_id = ?", t.namespaceId)).isZero();
        assertThat(count("SELECT COUNT(*) FROM activities WHERE activity_key = 'registry.delete' AND recipient_name = ?",
                t.namespace)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM activities WHERE activity_key = 'namespace.delete' AND namespace_id = ?",
                t.namespaceId)).isEqualTo(2);
        assertThat(t.asOwner.get("/api/v1/activities?all=true").json().findValuesAsString("key")).contains("registry.delete");
        assertThat(t.asOwner.delete("/api/v1/namespaces/" + t.namespaceId).status()).isEqualTo(404);
    }

    @Test
    void globalAndPersonalNamespacesAreNeverDeleted() {
        long global = namespaces.find(builtinId, null).orElseThrow().id();
        var refused = admin.delete("/api/v1/namespaces/" + global);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("error").asString()).contains("global namespace");
        long personal = namespaces.find(builtinId, t.owner.username()).orElseThrow().id();
        var own = t.asOwner.delete("/api/v1/namespaces/" + personal);
        assertThat(own.status()).isEqualTo(422);
        assertThat(own.json().get("error").asString()).contains("personal namespace");
        assertThat(admin.delete("/api/v1/namespaces/" + personal).status()).isEqualTo(422);
        assertThat(namespaces.find(builtinId, t.owner.username())).isPresent();
        assertThat(admin.delete("/api/v1/namespaces/abc").status()).isEqualTo(400);
    }

    @Test
    void aTeamIsDeletedOnlyOnceItOwnsNoNamespace() {
        long second = t.namespace(unique("second"), builtinId);
        assertThat(t.asStranger.delete("/api/v1/teams/" + t.teamId).status()).isEqualTo(403);
        assertThat(t.asViewer.delete("/api/v1/teams/" + t.teamId).status()).isEqualTo(403);
        assertThat(t.asContributor.delete("/api/v1/teams/" + t.teamId).status()).isEqualTo(403);

        var conflict = t.asOwner.delete("/api/v1/teams/" + t.teamId);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("error").asString()).contains(t.namespace).contains("move them to another team");
        assertThat(conflict.json().get("namespaces").size()).isEqualTo(2);
        assertThat(teams.find(t.teamId)).isPresent();

        assertThat(t.asOwner.delete("/api/v1/namespaces/" + t.namespaceId).status()).isEqualTo(204);
        String other = admin.post("/api/v1/teams", "{\"name\":\"" + unique("other") + "\"}").json().get("name").asString();
        assertThat(admin.put("/api/v1/namespaces/" + second, "{\"namespace\":{\"team\":\"" + other + "\"}}").status())
                .isEqualTo(200);
        assertThat(t.asOwner.delete("/api/v1/teams/" + t.teamId).status()).isEqualTo(204);

        assertThat(admin.get("/api/v1/teams/" + t.teamId).status()).isEqualTo(404);
        assertThat(count("SELECT COUNT(*) FROM team_users WHERE team_id = ?", t.teamId)).isZero();
        assertThat(t.asOwner.get("/api/v1/namespaces/" + second).status()).as("moved away, not deleted").isEqualTo(403);
        assertThat(admin.get("/api/v1/namespaces/" + second).status()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM activities WHERE activity_key = 'registry.remove_team' AND trackable_id = ?",
                t.teamId)).isEqualTo(1);
    }

    @Test
    void hiddenTeamsAreNeverDeleted() {
        long personalTeam = teams.personalTeamOf(t.owner.id()).orElseThrow().id();
        assertThat(t.asOwner.delete("/api/v1/teams/" + personalTeam).status()).isEqualTo(422);
        assertThat(admin.delete("/api/v1/teams/" + personalTeam).status()).isEqualTo(422);
        assertThat(teams.find(personalTeam)).isPresent();
        assertThat(admin.delete("/api/v1/teams/0").status()).isEqualTo(404);
    }

    long awaitTags(String fullName, int count) {
        return Poll.until(fullName + " with " + count + " tags", () -> catalog.find(builtinId, fullName)
                .filter(r -> r.tagCount() == count)).id();
    }

    long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    int manifest(String repo, String digest) {
        return pusher.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + environment.getProperty("local.server.port") + "/v2/" + repo + "/manifests/" + digest))
                .header("Accept", TestPusher.OCI_MANIFEST).GET().build()).statusCode();
    }
}
