package io.portus.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.portus.account.ApplicationTokenService;
import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Activities of users, application tokens and registries over the real API, on each database: who did it,
 * on what, and who may see it.
 */
abstract class AccountActivitiesContract extends DatabaseTest {

    @Autowired UserService users;
    @Autowired ApplicationTokenService tokens;
    @Autowired JdbcClient jdbc;

    User adminUser;
    ApiClient admin;
    ApiClient anonymous;

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient(Integer.parseInt(environment.getProperty("local.server.port")), null);
        adminUser = users.changeAdmin(newUser("admin"), true);
        admin = client(adminUser);
    }

    @Test
    void userChangesAreRecordedWithTheAdminWhoMadeThem() {
        String name = unique("carl");
        var created = admin.post("/api/v1/users", "{\"user\":{\"username\":\"" + name + "\",\"email\":\"" + name
                + "@example.com\",\"password\":\"a good password\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        admin.put("/api/v1/users/" + id + "/toggle_admin", null);
        admin.put("/api/v1/users/" + id + "/toggle_admin", null);
        admin.put("/api/v1/users/" + id + "/toggle_enabled", null);
        assertThat(admin.delete("/api/v1/users/" + id).status()).isEqualTo(204);

        List<JsonNode> rows = activitiesOf(admin, "User", name);
        assertThat(rows).extracting(r -> r.get("key").asString()).containsExactly("user.delete", "user.toggle_enabled",
                "user.toggle_admin", "user.toggle_admin", "user.create");
        assertThat(rows).allSatisfy(r -> assertThat(r.at("/owner/name").asString()).isEqualTo(adminUser.username()));
        assertThat(rows.get(1).at("/parameters/enabled").asString()).isEqualTo("false");
        assertThat(rows.get(2).at("/parameters/admin").asString()).isEqualTo("false");
        assertThat(rows.get(3).at("/parameters/admin").asString()).isEqualTo("true");

        User self = newUser("self");
        assertThat(count("user.create", self.username(), self.username())).as("a sign-up is its own creator").isEqualTo(1);
        assertThat(activitiesOf(client(self), "User", name)).as("not for other users' eyes").isEmpty();
    }

    @Test
    void applicationTokensAreRecordedForTheirOwner() {
        User bob = newUser("bob");
        ApiClient asBob = client(bob);
        var token = asBob.post("/api/v1/users/" + bob.id() + "/application_tokens", "{\"application\":\"laptop\"}");
        assertThat(token.status()).isEqualTo(201);
        assertThat(asBob.delete("/api/v1/users/application_tokens/" + token.json().get("id").asLong()).status())
                .isEqualTo(204);
        List<JsonNode> rows = activitiesOf(asBob, "ApplicationToken", "laptop");
        assertThat(rows).extracting(r -> r.get("key").asString())
                .containsExactly("application_token.destroy", "application_token.create");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.at("/owner/name").asString()).isEqualTo(bob.username());
            assertThat(r.get("recipient_name").asString()).isEqualTo(bob.username());
        });
        assertThat(activitiesOf(client(newUser("eve")), "ApplicationToken", "laptop").stream()
                .filter(r -> r.get("recipient_name").asString().equals(bob.username()))).isEmpty();
    }

    @Test
    void registriesAreRecordedWhenRegisteredAndWhenChanged() {
        String name = unique("reg");
        var created = admin.post("/api/v1/registries", "{\"registry\":{\"name\":\"" + name + "\",\"hostname\":\""
                + unique("offline") + ".example:5000\",\"use_ssl\":true},\"force\":true}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String renamed = unique("renamed");
        assertThat(admin.put("/api/v1/registries/" + id, "{\"registry\":{\"name\":\"" + renamed + "\"}}").status())
                .isEqualTo(200);
        assertThat(admin.put("/api/v1/registries/" + id, "{\"registry\":{\"name\":\"" + renamed + "\"}}").status())
                .as("saved unchanged").isEqualTo(200);
        assertThat(count("registry.create", name, adminUser.username())).isEqualTo(1);
        assertThat(count("registry.update", renamed, adminUser.username())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM activities WHERE activity_key = 'registry.create' AND owner_name = 'portus'")
                .query(Long.class).single()).as("the built-in registry, registered by Portus itself").isGreaterThanOrEqualTo(1);
    }

    User newUser(String prefix) {
        String name = unique(prefix);
        return users.create(NewUser.regular(name, name + "@example.com", "password-of-" + name));
    }

    ApiClient client(User user) {
        return anonymous.as(user.username(), tokens.createFor(user, unique("api")).plainToken());
    }

    /** The activities {@code client} sees about one object, newest first. */
    static List<JsonNode> activitiesOf(ApiClient client, String type, String name) {
        List<JsonNode> out = new java.util.ArrayList<>();
        client.get("/api/v1/activities?all=true").json().forEach(a -> {
            if (type.equals(a.path("trackable_type").asString()) && name.equals(a.path("trackable_name").asString())) {
                out.add(a);
            }
        });
        return out;
    }

    long count(String key, String trackableName, String owner) {
        return jdbc.sql("SELECT COUNT(*) FROM activities WHERE activity_key = ? AND trackable_name = ? AND owner_name = ?")
                .params(key, trackableName, owner).query(Long.class).single();
    }
}
