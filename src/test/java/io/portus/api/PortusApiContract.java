package io.portus.api;

import io.portus.account.ApplicationTokenService;
import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What portusctl and Portus users call that issue #12 completed, over real HTTP on each database: the version,
 * the validations answering "taken", team delete with {@code new_team}, the default page size.
 */
abstract class PortusApiContract extends DatabaseTest {

    @Autowired UserService users;
    @Autowired ApplicationTokenService tokens;

    ApiClient anonymous;
    ApiClient admin;
    ApiClient alice;

    @BeforeEach
    void clients() {
        anonymous = new ApiClient(Integer.parseInt(environment.getProperty("local.server.port")), null);
        admin = client(users.changeAdmin(newUser("admin"), true));
        alice = client(newUser("alice"));
    }

    User newUser(String prefix) {
        String name = unique(prefix);
        return users.create(NewUser.regular(name, name + "@example.com", "password-of-" + name));
    }

    ApiClient client(User user) {
        return anonymous.as(user.username(), tokens.createFor(user, unique("api")).plainToken());
    }

    long created(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    long team(String name) {
        return created(alice.post("/api/v1/teams", "{\"name\":\"" + name + "\"}"));
    }

    long namespace(String name, String team) {
        return created(alice.post("/api/v1/namespaces", "{\"name\":\"" + name + "\",\"team\":\"" + team + "\"}"));
    }

    @Test
    void versionInPortusShapeForAnyUser() {
        assertThat(anonymous.get("/api/version").status()).isEqualTo(401);
        var r = alice.get("/api/version");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("api-versions").toString()).isEqualTo("[\"v1\"]");
        assertThat(body.has("git")).isTrue();
        assertThat(body.get("version").asString()).isNotBlank();
    }

    @Test
    void namespaceValidationSaysTakenAsPortusDoes() {
        String team = unique("validate-team-");
        team(team);
        String name = unique("taken");
        namespace(name, team);

        var taken = alice.get("/api/v1/namespaces/validate?name=" + name);
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(taken.json().get("valid").asBoolean()).isFalse();
        assertThat(taken.json().at("/messages/name/0").asString()).isEqualTo("has already been taken");

        var free = alice.get("/api/v1/namespaces/validate?name=" + unique("free"));
        assertThat(free.json().get("valid").asBoolean()).isTrue();
        assertThat(free.json().get("messages").isEmpty()).isTrue();

        var malformed = alice.get("/api/v1/namespaces/validate?name=Not%20Valid");
        assertThat(malformed.json().get("valid").asBoolean()).isFalse();
        assertThat(malformed.json().at("/messages/name/0").asString()).contains("lower case");

        var missing = alice.get("/api/v1/namespaces/validate");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/errors/name/0").asString()).isEqualTo("is missing");
    }

    @Test
    void registryValidationRunsTheChecksOfACreateWithoutCreating() {
        assertThat(alice.get("/api/v1/registries/validate?name=x&hostname=h:5000&use_ssl=false").status())
                .as("admins only").isEqualTo(403);
        String existing = admin.get("/api/v1/registries").json().get(0).get("name").asString();

        var taken = admin.get("/api/v1/registries/validate?name=" + existing + "&hostname=127.0.0.1:1&use_ssl=false");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(taken.json().get("valid").asBoolean()).isFalse();
        assertThat(taken.json().at("/messages/name/0").asString()).isEqualTo("has already been taken");
        assertThat(taken.json().at("/messages/hostname/0").asString()).as("the reachability check").isNotBlank();

        String fresh = unique("registry-");
        var onlyName = admin.get("/api/v1/registries/validate?name=" + fresh + "&hostname=127.0.0.1:1&use_ssl=false"
                + "&only=name");
        assertThat(onlyName.json().get("valid").asBoolean()).as(onlyName.toString()).isTrue();
        assertThat(onlyName.json().get("messages").isEmpty()).isTrue();

        var malformed = admin.get("/api/v1/registries/validate?name=" + fresh + "&hostname=not%20a%20host"
                + "&only%5B%5D=hostname");
        assertThat(malformed.json().get("valid").asBoolean()).isFalse();
        assertThat(malformed.json().get("messages").has("name")).isFalse();
        assertThat(malformed.json().at("/messages/hostname/0").asString()).contains("host name");

        assertThat(admin.get("/api/v1/registries").json().findValuesAsString("name")).doesNotContain(fresh);
    }

    @Test
    void deletingATeamWithNewTeamMovesItsNamespacesThere() {
        String old = unique("old-team-");
        String heir = unique("heir-team-");
        long oldId = team(old);
        long heirId = team(heir);
        long ns = namespace(unique("moving"), old);

        var refused = alice.delete("/api/v1/teams/" + oldId);
        assertThat(refused.status()).as("without new_team a team owning namespaces stays").isEqualTo(409);
        assertThat(alice.delete("/api/v1/teams/" + oldId + "?new_team=" + old).status())
                .as("not to itself").isEqualTo(422);
        assertThat(alice.delete("/api/v1/teams/" + oldId + "?new_team=" + unique("nobody-")).status()).isEqualTo(404);
        assertThat(client(newUser("bob")).delete("/api/v1/teams/" + oldId + "?new_team=" + heir).status())
                .as("only who may delete the team").isIn(403, 404);

        var deleted = alice.delete("/api/v1/teams/" + oldId + "?new_team=" + heir);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(alice.get("/api/v1/teams/" + oldId).status()).isEqualTo(404);
        var moved = alice.get("/api/v1/namespaces/" + ns);
        assertThat(moved.json().at("/team/id").asLong()).isEqualTo(heirId);
        assertThat(moved.json().at("/team/name").asString()).isEqualTo(heir);
        assertThat(alice.get("/api/v1/teams/" + heirId + "/namespaces").json().findValuesAsString("name"))
                .contains(moved.json().get("name").asString());
    }

    @Test
    void listsHoldTenEntriesUnlessAsked() {
        for (int i = 0; i < 11; i++) {
            team(unique("page-team-"));
        }
        var page = alice.get("/api/v1/teams");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().size()).isEqualTo(10);
        assertThat(page.header("X-Per-Page")).isEqualTo("10");
        assertThat(page.header("X-Next-Page")).isEqualTo("2");
        assertThat(alice.get("/api/v1/teams?per_page=20").json().size()).isEqualTo(11);
    }
}
