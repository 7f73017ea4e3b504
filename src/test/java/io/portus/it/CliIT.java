package io.portus.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator CLI end to end: our jar serving (token mode), the verbs run as real processes against it
 * (bootstrap, create/get/update/delete of each kind, formats, exit codes for 401/404/invalid input), then,
 * with the server stopped, the verbs on its database and files (make-admin, info, gc). {@link KeyRotationIT}
 * covers rotate-key.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliIT {

    private static PortusProcess portus;
    private static Map<String, String> env;

    @BeforeAll
    static void start() {
        portus = PortusProcess.builder("cli").auth("token").start();
        env = new HashMap<>(Map.of("PORTUSCTL_API_SERVER", portus.baseUri().toString()));
        var boot = ok("bootstrap", "username=admin", "email=admin@example.com", "password=admin-password-1", "-f", "json");
        env.put("PORTUSCTL_API_USER", "admin");
        env.put("PORTUSCTL_API_TOKEN", json(boot).path("plain_token").asString());
    }

    @AfterAll
    static void stop() {
        if (portus != null) {
            portus.close();
        }
    }

    @Test
    @Order(1)
    void helpFromTheJar() {
        assertThat(ok("--help").out()).contains("get", "make-admin", "rotate-key");
        assertThat(ok("create", "--help").out()).contains("Usage: portus create", "PORTUSCTL_API_SERVER");
    }

    @Test
    @Order(2)
    void usersCreatedReadUpdatedAndDeleted() {
        long id = json(ok("create", "user", "username=bob", "email=bob@example.com", "password=bob-password-1",
                "-f", "json")).path("id").asLong();
        assertThat(ok("get", "users").out()).contains("USERNAME", "admin", "bob");
        JsonNode all = json(ok("get", "users", "-f", "json"));
        assertThat(all.isArray()).isTrue();
        assertThat(ok("get", "users", Long.toString(id), "-f", "yaml").out()).contains("username: \"bob\"");
        assertThat(ok("update", "user", Long.toString(id), "display_name=Bobby").out()).contains("Bobby");
        assertThat(json(ok("update", "user", Long.toString(id), "admin=true", "-f", "json")).path("admin").asBoolean()).isTrue();
        ok("delete", "user", Long.toString(id));
        assertThat(run("get", "users", Long.toString(id)).exit()).isEqualTo(4);
        ok("create", "user", "username=carol", "email=carol@example.com", "password=carol-password-1");
    }

    @Test
    @Order(3)
    void teamsNamespacesRegistriesRepositoriesAndTags() {
        long team = json(ok("create", "team", "name=qa", "description=Quality", "-f", "json")).path("id").asLong();
        assertThat(ok("update", "team", Long.toString(team), "description=Testers").out()).contains("Testers");
        assertThat(ok("get", "teams", Long.toString(team), "members").out()).contains("admin", "owner");
        long ns = json(ok("create", "namespace", "name=qa", "team=qa", "-f", "json")).path("id").asLong();
        assertThat(ok("get", "namespaces", Long.toString(ns), "-f", "json").out()).contains("\"qa\"");
        assertThat(ok("update", "namespace", Long.toString(ns), "visibility=public").out()).contains("public");
        var taken = run("validate", "namespace", "name=qa");
        assertThat(taken.exit()).as(taken.toString()).isEqualTo(6);
        assertThat(taken.out() + taken.err()).contains("has already been taken");
        assertThat(ok("get", "teams", Long.toString(team), "namespaces").out()).contains("qa");
        assertThat(ok("validate", "namespace", "name=fine").exit()).isZero();
        assertThat(run("validate", "namespace", "name=Not Fine!").exit()).isEqualTo(6);
        long registry = json(ok("create", "registry", "name=other", "hostname=127.0.0.1:9", "force=true", "-f", "json"))
                .path("id").asLong();
        assertThat(ok("update", "registry", Long.toString(registry), "name=elsewhere", "force=true").out()).contains("elsewhere");
        assertThat(ok("get", "registries").out()).contains("elsewhere", "built-in");
        var registryTaken = run("validate", "registry", "name=elsewhere", "hostname=127.0.0.1:9", "only=name");
        assertThat(registryTaken.exit()).as(registryTaken.toString()).isEqualTo(6);
        assertThat(registryTaken.out() + registryTaken.err()).contains("has already been taken");
        assertThat(ok("validate", "registry", "name=another", "hostname=127.0.0.1:9", "only=name").exit()).isZero();
        assertThat(ok("get", "repositories").out()).isEqualTo("(none)\n");
        assertThat(json(ok("get", "tags", "-f", "json")).isArray()).isTrue();
        assertThat(run("get", "repositories", "424242").exit()).isEqualTo(4);
        String member = json(ok("create", "member", "team_id=" + team, "user=carol", "role=viewer", "-f", "json"))
                .path("id").asString();
        assertThat(ok("update", "member", Long.toString(team), member, "role=contributor").out()).contains("contributor");
        ok("delete", "member", Long.toString(team), member);
        assertThat(ok("get", "teams", Long.toString(team), "members").out()).doesNotContain("carol");
        String admin = json(ok("get", "users", "admin@example.com", "-f", "json")).path("id").asString();
        String app = json(ok("create", "application_token", "user_id=" + admin, "application=ci", "-f", "json"))
                .path("id").asString();
        assertThat(ok("get", "users", admin, "application_tokens").out()).contains("ci");
        ok("delete", "application_token", app);
        ok("delete", "namespace", Long.toString(ns));
        ok("delete", "team", Long.toString(team));
        assertThat(run("get", "teams", Long.toString(team)).exit()).isEqualTo(4);
    }

    @Test
    @Order(4)
    void exitCodesAScriptCanRelyOn() {
        var denied = CliProcess.run(with("PORTUSCTL_API_TOKEN", "wrong"), "get", "users");
        assertThat(denied.exit()).as(denied.toString()).isEqualTo(3);
        assertThat(denied.err()).contains("401");
        assertThat(run("get", "users", "999999").exit()).isEqualTo(4);
        var usage = run("create", "user", "username=x");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("email=… is required");
        assertThat(run("get", "nothing").exit()).isEqualTo(2);
        assertThat(run("no-such-verb").exit()).isEqualTo(2);
        var invalid = run("create", "user", "username=dave", "email=not-an-email", "password=short");
        assertThat(invalid.exit()).as(invalid.toString()).isEqualTo(6);
        var unreachable = CliProcess.run(with("PORTUSCTL_API_SERVER", "http://127.0.0.1:" + FreePorts.next()), "get", "users");
        assertThat(unreachable.exit()).as(unreachable.toString()).isEqualTo(5);
        var noCredentials = CliProcess.run(Map.of("PORTUSCTL_API_SERVER", portus.baseUri().toString()), "get", "users");
        assertThat(noCredentials.exit()).isEqualTo(2);
        assertThat(noCredentials.err()).contains("PORTUSCTL_API_USER");
    }

    @Test
    @Order(5)
    void jsonFormatPrintsOnlyJson() {
        for (String[] args : List.of(new String[] {"get", "users", "-f", "json"}, new String[] {"version", "-f", "json"},
                new String[] {"get", "namespaces", "1", "-f", "json"})) {
            json(ok(args));
        }
        assertThat(ok("version").out()).contains("Client version:", "Server version:", "API versions:", "v1");
        var health = run("health", "--format=json");
        assertThat(health.exit()).as("the external registry made above does not answer: " + health).isEqualTo(7);
        assertThat(json(health).path("registry").path("success").asBoolean()).isFalse();
        assertThat(json(health).path("database").path("success").asBoolean()).isTrue();
    }

    @Test
    @Order(6)
    void verbsOnTheDatabaseOnceTheServerIsStopped() throws Exception {
        portus.stop();
        Map<String, String> local = Map.of("PORTUS_DATA_DIR", portus.dataDir().toString());
        assertThat(CliProcess.run(local, "make-admin", "carol").exit()).isZero();
        assertThat(CliProcess.run(local, "make-admin", "nobody").exit()).isEqualTo(4);
        var info = CliProcess.run(local, "info", "-f", "json");
        assertThat(info.exit()).as(info.toString()).isZero();
        JsonNode doc = Json.parse(info.out());
        assertThat(doc.path("database").path("up").asBoolean()).isTrue();
        assertThat(doc.path("storage").path("up").asBoolean()).isTrue();
        assertThat(doc.path("settings").path("portus.data-dir").asString()).isEqualTo(portus.dataDir().toString());
        var gc = CliProcess.run(local, "gc", "--dry-run", "-f", "json");
        assertThat(gc.exit()).as(gc.toString()).isZero();
        assertThat(Json.parse(gc.out()).path("state").asString()).isEqualTo("done");
        portus.restart();
        var activities = Http.client(false).send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(portus.baseUri() + "/api/v1/activities"))
                .header("Portus-Auth", env.get("PORTUSCTL_API_USER") + ":" + env.get("PORTUSCTL_API_TOKEN")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(activities.body()).as("the CLI's collection is listed").contains("gc.run");
        JsonNode carol = json(ok("get", "users", "-f", "json"));
        assertThat(carol.findValues("username").stream().map(JsonNode::asString)).contains("carol");
        for (JsonNode user : carol) {
            if (user.path("username").asString().equals("carol")) {
                assertThat(user.path("admin").asBoolean()).isTrue();
            }
        }
    }

    private static CliProcess.Result run(String... args) {
        return CliProcess.run(env, args);
    }

    private static CliProcess.Result ok(String... args) {
        var result = run(args);
        assertThat(result.exit()).as("portus " + String.join(" ", args) + ": " + result).isZero();
        return result;
    }

    private static JsonNode json(CliProcess.Result result) {
        return Json.parse(result.out());
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(key, value);
        return copy;
    }
}
