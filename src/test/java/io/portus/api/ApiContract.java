package io.portus.api;

import com.sun.net.httpserver.HttpServer;
import io.portus.account.ApplicationTokenService;
import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.support.DatabaseTest;
import io.portus.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API over real HTTP, on each database (see ApiTest). */
abstract class ApiContract extends DatabaseTest {

    @Autowired UserService users;
    @Autowired ApplicationTokenService tokens;

    ApiClient anonymous;
    ApiClient admin;
    User adminUser;

    @BeforeEach
    void clients() {
        anonymous = new ApiClient(port(), null);
        adminUser = users.changeAdmin(newUser("admin"), true);
        admin = client(adminUser);
    }

    int port() {
        return Integer.parseInt(environment.getProperty("local.server.port"));
    }

    User newUser(String prefix) {
        String name = unique(prefix);
        return users.create(NewUser.regular(name, name + "@example.com", "password-of-" + name));
    }

    ApiClient client(User user) {
        return anonymous.as(user.username(), tokens.createFor(user, unique("api")).plainToken());
    }

    @Test
    void pingNeedsNoCredentialsEverythingElseDoes() {
        assertThat(anonymous.get("/api/v1/_ping").status()).isEqualTo(200);
        var r = anonymous.get("/api/v1/teams");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").asString()).isEqualTo("Authentication fails.");
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(anonymous.as(adminUser.username(), "not-a-token").get("/api/v1/teams").status()).isEqualTo(401);
        assertThat(anonymous.as("", "x").get("/api/v1/teams").status()).isEqualTo(401);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void adminsManageUsers() {
        var created = admin.post("/api/v1/users",
                "{\"user\":{\"username\":\"" + unique("bob") + "\",\"email\":\"" + unique("b") + "@example.com\","
                        + "\"password\":\"a good password\",\"display_name\":\"Bob\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode bob = created.json();
        long id = bob.get("id").asLong();
        assertThat(bob.get("admin").asBoolean()).isFalse();
        assertThat(bob.get("namespace_id").isNumber()).isTrue();
        assertThat(bob.has("encrypted_password")).isFalse();

        assertThat(admin.get("/api/v1/users/" + id).json().get("username").asString()).isEqualTo(bob.get("username").asString());
        assertThat(admin.get("/api/v1/users/" + bob.get("email").asString()).json().get("id").asLong()).isEqualTo(id);
        var list = admin.get("/api/v1/users?all=true");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().findValuesAsString("username")).contains(bob.get("username").asString()).doesNotContain("portus");
        var page = admin.get("/api/v1/users?per_page=1&page=2");
        assertThat(page.json().size()).isEqualTo(1);
        assertThat(page.header("X-Page")).isEqualTo("2");
        assertThat(Integer.parseInt(page.header("X-Total"))).isGreaterThanOrEqualTo(2);

        var duplicate = admin.post("/api/v1/users", "{\"user\":{\"username\":\"" + bob.get("username").asString()
                + "\",\"email\":\"" + unique("x") + "@example.com\",\"password\":\"a good password\"}}");
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.json().at("/error/username/0").asString()).isEqualTo("has already been taken");
        var missing = admin.post("/api/v1/users", "{\"user\":{\"email\":\"x@example.com\"}}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").has("user[username]")).isTrue();
        assertThat(admin.post("/api/v1/users", "{not json").status()).isEqualTo(400);

        var updated = admin.put("/api/v1/users/" + id, "{\"user\":{\"display_name\":\"Robert\"}}");
        assertThat(updated.json().get("display_name").asString()).isEqualTo("Robert");
        assertThat(admin.put("/api/v1/users/" + id + "/toggle_admin", null).json().get("admin").asBoolean()).isTrue();
        assertThat(admin.put("/api/v1/users/" + id + "/toggle_admin", null).json().get("admin").asBoolean()).isFalse();
        assertThat(admin.put("/api/v1/users/" + adminUser.id() + "/toggle_admin", null).status()).isEqualTo(403);
        assertThat(admin.put("/api/v1/users/" + id + "/toggle_enabled", null).json().get("enabled").asBoolean()).isFalse();

        ApiClient user = client(newUser("plain"));
        var refused = user.get("/api/v1/users");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("errors").asString()).isEqualTo("Authorization fails");
        assertThat(user.post("/api/v1/users", "{\"user\":{}}").status()).isEqualTo(403);

        assertThat(admin.delete("/api/v1/users/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/users/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/users/abc").status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/users/abc").status()).isEqualTo(400);
    }

    @Test
    void applicationTokensBelongToTheirOwnerOrToAnAdminForBots() {
        User alice = newUser("alice");
        ApiClient asAlice = client(alice);
        var created = asAlice.post("/api/v1/users/" + alice.id() + "/application_tokens", "{\"application\":\"laptop\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String plain = created.json().get("plain_token").asString();
        assertThat(plain).hasSizeGreaterThanOrEqualTo(43);
        assertThat(anonymous.as(alice.username(), plain).get("/api/v1/teams").status()).isEqualTo(200);

        var listed = asAlice.get("/api/v1/users/" + alice.id() + "/application_tokens");
        assertThat(listed.json().findValuesAsString("application")).contains("laptop");
        assertThat(listed.body()).doesNotContain(plain).doesNotContain("plain_token");

        User mallory = newUser("mallory");
        ApiClient asMallory = client(mallory);
        assertThat(asMallory.get("/api/v1/users/" + alice.id() + "/application_tokens").status()).isEqualTo(403);
        assertThat(asMallory.post("/api/v1/users/" + alice.id() + "/application_tokens", "{\"application\":\"x\"}").status())
                .isEqualTo(403);
        long tokenId = created.json().get("id").asLong();
        assertThat(asMallory.delete("/api/v1/users/application_tokens/" + tokenId).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/users/" + alice.id() + "/application_tokens").status()).as("not a bot").isEqualTo(403);
        assertThat(asAlice.delete("/api/v1/users/application_tokens/" + tokenId).status()).isEqualTo(204);
        assertThat(anonymous.as(alice.username(), plain).get("/api/v1/teams").status()).isEqualTo(401);

        var bot = admin.post("/api/v1/users", "{\"user\":{\"username\":\"" + unique("bot") + "\",\"email\":\""
                + unique("bot") + "@example.com\",\"password\":\"a good password\",\"bot\":true}}").json();
        var botToken = admin.post("/api/v1/users/" + bot.get("id").asLong() + "/application_tokens",
                "{\"application\":\"ci\"}");
        assertThat(botToken.status()).isEqualTo(201);
        assertThat(admin.delete("/api/v1/users/application_tokens/" + botToken.json().get("id").asLong()).status())
                .isEqualTo(204);
    }

    @Test
    void teamsAndMembersWithTheLastOwnerRule() {
        User owner = newUser("owner");
        User member = newUser("member");
        ApiClient asOwner = client(owner);
        ApiClient asMember = client(member);
        var team = asOwner.post("/api/v1/teams", "{\"name\":\"" + unique("team") + "\",\"description\":\"d\"}");
        assertThat(team.status()).as(team.toString()).isEqualTo(201);
        long id = team.json().get("id").asLong();

        assertThat(asMember.get("/api/v1/teams/" + id).status()).isEqualTo(403);
        var added = asOwner.post("/api/v1/teams/" + id + "/members",
                "{\"user\":\"" + member.username() + "\",\"role\":\"contributor\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().get("role").asString()).isEqualTo("contributor");
        long memberId = added.json().get("id").asLong();
        assertThat(asMember.get("/api/v1/teams/" + id).status()).isEqualTo(200);
        assertThat(asMember.get("/api/v1/teams").json().findValuesAsString("name")).contains(team.json().get("name").asString());
        assertThat(asMember.post("/api/v1/teams/" + id + "/members", "{\"user\":\"" + adminUser.username()
                + "\",\"role\":\"viewer\"}").status()).isEqualTo(403);
        assertThat(asOwner.post("/api/v1/teams/" + id + "/members", "{\"user\":\"nobody-" + unique("") + "\","
                + "\"role\":\"viewer\"}").status()).isEqualTo(404);
        assertThat(asOwner.post("/api/v1/teams/" + id + "/members", "{\"user\":\"" + member.username()
                + "\",\"role\":\"king\"}").status()).isEqualTo(422);

        long ownerMemberId = memberIdOf(asOwner.get("/api/v1/teams/" + id + "/members").json(), owner.username());
        var lastOwner = asOwner.delete("/api/v1/teams/" + id + "/members/" + ownerMemberId);
        assertThat(lastOwner.status()).isEqualTo(422);
        assertThat(lastOwner.json().get("error").asString()).isEqualTo("Cannot remove the only owner of the team");
        assertThat(asOwner.put("/api/v1/teams/" + id + "/members/" + ownerMemberId, "{\"role\":\"viewer\"}").status())
                .isEqualTo(422);

        assertThat(asOwner.put("/api/v1/teams/" + id + "/members/" + memberId, "{\"role\":\"owner\"}").json()
                .get("role").asString()).isEqualTo("owner");
        assertThat(asOwner.put("/api/v1/teams/" + id + "/members/" + ownerMemberId, "{\"role\":\"viewer\"}").status())
                .isEqualTo(200);
        assertThat(asMember.delete("/api/v1/teams/" + id + "/members/" + ownerMemberId).status()).isEqualTo(204);
        assertThat(asOwner.get("/api/v1/teams/" + id).status()).isEqualTo(403);
    }

    @Test
    void namespacesAreCreatedByTeamMembersAndChangeVisibility() {
        User owner = newUser("nsowner");
        User stranger = newUser("stranger");
        ApiClient asOwner = client(owner);
        String teamName = asOwner.post("/api/v1/teams", "{\"name\":\"" + unique("team") + "\"}").json().get("name").asString();
        long registryId = builtinId();

        String name = unique("ns");
        var created = asOwner.post("/api/v1/namespaces", "{\"name\":\"" + name + "\",\"team\":\"" + teamName
                + "\",\"registry_id\":" + registryId + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("visibility").asString()).isEqualTo("private");
        long id = created.json().get("id").asLong();

        assertThat(client(stranger).get("/api/v1/namespaces/" + id).status()).isEqualTo(403);
        assertThat(client(stranger).post("/api/v1/namespaces", "{\"name\":\"" + unique("ns") + "\",\"team\":\""
                + teamName + "\",\"registry_id\":" + registryId + "}").status()).isEqualTo(403);
        assertThat(asOwner.post("/api/v1/namespaces", "{\"name\":\"Bad Name\",\"team\":\"" + teamName + "\"}").status())
                .isEqualTo(422);
        assertThat(asOwner.get("/api/v1/namespaces/validate?name=ok-name").json().get("valid").asBoolean()).isTrue();
        assertThat(asOwner.get("/api/v1/namespaces/validate?name=No").json().get("valid").asBoolean()).isFalse();

        var changed = asOwner.put("/api/v1/namespaces/" + id + "/change_visibility", "{\"visibility\":\"protected\"}");
        assertThat(changed.json().get("visibility").asString()).isEqualTo("protected");
        assertThat(client(stranger).get("/api/v1/namespaces/" + id).status()).isEqualTo(200);
        assertThat(client(stranger).put("/api/v1/namespaces/" + id + "/change_visibility", "{\"visibility\":\"public\"}")
                .status()).isEqualTo(403);
        var viaUpdate = asOwner.put("/api/v1/namespaces/" + id, "{\"namespace\":{\"visibility\":\"public\","
                + "\"description\":\"hello\"}}");
        assertThat(viaUpdate.json().get("visibility").asString()).isEqualTo("public");
        assertThat(viaUpdate.json().get("description").asString()).isEqualTo("hello");
        assertThat(asOwner.put("/api/v1/namespaces/" + id, "{\"namespace\":{\"visibility\":\"secret\"}}").status())
                .isEqualTo(422);
        assertThat(client(stranger).get("/api/v1/namespaces").json().findValuesAsString("name")).contains(name);
    }

    @Test
    void adminsRegisterExternalRegistriesAsTheNewRegistryFormDoes() throws Exception {
        assertThat(client(newUser("nope")).get("/api/v1/registries").status()).isEqualTo(403);
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        var refused = admin.post("/api/v1/registries", "{\"registry\":{\"name\":\"" + unique("r") + "\",\"hostname\":\"127.0.0.1:"
                + closed + "\",\"use_ssl\":false}}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().at("/error/hostname/0").asString()).isEqualTo("connection refused");

        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/v2/", ex -> {
            ex.getResponseHeaders().add("Docker-Distribution-Api-Version", "registry/2.0");
            ex.sendResponseHeaders(401, -1);
            ex.close();
        });
        fake.start();
        try {
            String host = "127.0.0.1:" + fake.getAddress().getPort();
            var ok = admin.post("/api/v1/registries", "{\"registry\":{\"name\":\"" + unique("r") + "\",\"hostname\":\""
                    + host + "\",\"use_ssl\":false,\"external_hostname\":\"" + unique("reg") + ".example.com\"}}");
            assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
            assertThat(ok.json().get("hostname").asString()).isEqualTo(host);
        } finally {
            fake.stop(0);
        }
        var forced = admin.post("/api/v1/registries", "{\"registry\":{\"name\":\"" + unique("r") + "\",\"hostname\":\""
                + unique("offline") + ".example:5000\",\"use_ssl\":true},\"force\":true}");
        assertThat(forced.status()).as(forced.toString()).isEqualTo(201);
        assertThat(admin.post("/api/v1/registries", "{\"registry\":{\"name\":\"x\",\"hostname\":\"not a host\","
                + "\"use_ssl\":false},\"force\":true}").status()).isEqualTo(422);
        assertThat(admin.get("/api/v1/registries").json().findValuesAsString("hostname"))
                .contains(forced.json().get("hostname").asString());
    }

    @Test
    void bootstrapCreatesTheFirstAdminOnceOnAnEmptyDatabase() {
        assertThat(anonymous.post("/api/v1/users/bootstrap", "{\"user\":{\"username\":\"first\",\"email\":"
                + "\"first@example.com\",\"password\":\"a good password\"}}").status()).as("users exist").isEqualTo(400);

        TestDatabases.Db empty = TestDatabases.fresh(vendor());
        try (ConfigurableApplicationContext fresh = anotherInstance("spring.datasource.url=" + empty.url(),
                "spring.datasource.username=" + empty.username(), "portus.data-dir=" + empty.dataDir())) {
            ApiClient client = new ApiClient(Integer.parseInt(fresh.getEnvironment().getProperty("local.server.port")), null);
            var first = client.post("/api/v1/users/bootstrap", "{\"user\":{\"username\":\"first\",\"email\":"
                    + "\"first@example.com\",\"password\":\"a good password\"}}");
            assertThat(first.status()).as(first.toString()).isEqualTo(201);
            assertThat(first.json().get("application").asString()).isEqualTo("bootstrap");
            ApiClient asFirst = client.as("first", first.json().get("plain_token").asString());
            var list = asFirst.get("/api/v1/users");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json().size()).isEqualTo(1);
            assertThat(list.json().get(0).get("admin").asBoolean()).isTrue();
            assertThat(client.post("/api/v1/users/bootstrap", "{\"user\":{\"username\":\"second\",\"email\":"
                    + "\"second@example.com\",\"password\":\"a good password\"}}").status()).isEqualTo(400);
        }
    }

    private long builtinId() {
        for (JsonNode r : admin.get("/api/v1/registries").json()) {
            if (r.get("builtin").asBoolean()) {
                return r.get("id").asLong();
            }
        }
        throw new AssertionError("no built-in registry");
    }

    private static long memberIdOf(JsonNode members, String username) {
        for (JsonNode m : members) {
            if (username.equals(m.get("username").asString())) {
                return m.get("id").asLong();
            }
        }
        throw new AssertionError(username + " is not a member");
    }
}
