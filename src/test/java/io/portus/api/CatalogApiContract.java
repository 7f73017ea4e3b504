package io.portus.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.portus.account.ApplicationTokenService;
import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.catalog.CatalogService;
import io.portus.catalog.Poll;
import io.portus.catalog.TestPusher;
import io.portus.catalog.internal.CatalogSyncJob;
import io.portus.namespace.NamespaceService;
import io.portus.namespace.RegistryService;
import io.portus.storage.Digest;
import io.portus.storage.RegistryStorage;
import io.portus.storage.RepositoryName;
import io.portus.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The catalog's REST API over real HTTP on each database: reads, policy, deletes, activities, social, webhooks, sync. */
abstract class CatalogApiContract extends DatabaseTest {

    @Autowired UserService users;
    @Autowired ApplicationTokenService tokens;
    @Autowired NamespaceService namespaces;
    @Autowired RegistryService registries;
    @Autowired CatalogService catalog;
    @Autowired CatalogSyncJob sync;
    @Autowired RegistryStorage storage;
    @Autowired JdbcClient jdbc;

    ApiClient admin;
    ApiClient alice;
    ApiClient bob;
    String ns;
    TestPusher pusher;
    long builtinId;

    @BeforeEach
    void setUp() {
        int port = Integer.parseInt(environment.getProperty("local.server.port"));
        ApiClient anonymous = new ApiClient(port, null);
        admin = client(anonymous, users.changeAdmin(newUser("admin"), true));
        User a = newUser("alice");
        alice = client(anonymous, a);
        bob = client(anonymous, newUser("bob"));
        builtinId = Poll.until("built-in registry", () -> registries.builtin().filter(r -> !r.hostname().endsWith(":0"))).id();
        ns = namespaces.list(a).stream().filter(n -> n.personalUserId() != null && n.personalUserId() == a.id()
                && n.registryId() == builtinId).findFirst().orElseThrow().name();
        pusher = new TestPusher("http://127.0.0.1:" + port);
    }

    User newUser(String prefix) {
        String name = unique(prefix);
        return users.create(NewUser.regular(name, name + "@example.com", "password-of-" + name));
    }

    ApiClient client(ApiClient anonymous, User user) {
        return anonymous.as(user.username(), tokens.createFor(user, unique("api")).plainToken());
    }

    long repositoryId(String fullName) {
        return Poll.until(fullName + " in the catalog", () -> catalog.find(builtinId, fullName)
                .filter(r -> r.tagCount() > 0)).id();
    }

    long awaitTags(String fullName, int count) {
        return Poll.until(fullName + " with " + count + " tags", () -> catalog.find(builtinId, fullName)
                .filter(r -> r.tagCount() == count)).id();
    }

    @Test
    void readsArePolicyScopedAndPaginated() {
        var image = pusher.image(ns + "/app", "1", TestPusher.OCI_MANIFEST, 1, 100);
        pusher.putManifest(ns + "/app", "same", TestPusher.OCI_MANIFEST, image.manifest());
        long repo = awaitTags(ns + "/app", 2);

        var mine = alice.get("/api/v1/repositories?per_page=50");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().findValuesAsString("full_name")).contains(ns + "/app");
        assertThat(mine.header("X-Total")).isNotBlank();
        assertThat(bob.get("/api/v1/repositories?all=true").json().findValuesAsString("full_name")).doesNotContain(ns + "/app");
        assertThat(bob.get("/api/v1/repositories/" + repo).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/repositories/" + repo).json().get("tags_count").asLong()).isEqualTo(2);

        JsonNode tags = alice.get("/api/v1/repositories/" + repo + "/tags").json();
        assertThat(names(tags, "name")).containsExactly("1", "same");
        assertThat(tags.get(0).get("size").asLong()).isEqualTo(image.size());
        assertThat(tags.get(0).get("digest").asString()).isEqualTo(image.digest());
        JsonNode grouped = alice.get("/api/v1/repositories/" + repo + "/tags/grouped").json();
        assertThat(grouped.size()).isEqualTo(1);
        assertThat(grouped.get(0).size()).isEqualTo(2);
        long tagId = tags.get(0).get("id").asLong();
        assertThat(alice.get("/api/v1/tags/" + tagId).json().get("name").asString()).isEqualTo("1");
        assertThat(alice.get("/api/v1/tags").status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/tags?all=true").status()).isEqualTo(200);
        long nsId = namespaces.find(builtinId, ns).orElseThrow().id();
        assertThat(names(alice.get("/api/v1/namespaces/" + nsId + "/repositories").json(), "name")).contains("app");
        assertThat(new ApiClient(Integer.parseInt(environment.getProperty("local.server.port")), null)
                .get("/api/v1/health").json().get("database").get("success").asBoolean()).isTrue();
    }

    @Test
    void deletesCheckPermissionsAndSharedDigests() {
        var image = pusher.image(ns + "/del", "a", TestPusher.OCI_MANIFEST, 1, 100);
        pusher.putManifest(ns + "/del", "b", TestPusher.OCI_MANIFEST, image.manifest());
        var other = pusher.image(ns + "/del", "c", TestPusher.OCI_MANIFEST, 1, 100);
        long repo = awaitTags(ns + "/del", 3);
        pusher.mount(ns + "/del", ns + "/keep", "a", TestPusher.OCI_MANIFEST, image);
        long kept = awaitTags(ns + "/keep", 1);
        JsonNode tags = alice.get("/api/v1/repositories/" + repo + "/tags").json();
        long a = tags.get(0).get("id").asLong();

        assertThat(bob.delete("/api/v1/tags/" + a).status()).isEqualTo(403);
        var conflict = alice.delete("/api/v1/tags/" + a);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("tags").findValuesAsString("")).isEmpty();
        assertThat(conflict.body()).contains("\"b\"");
        assertThat(manifestStatus(ns + "/del", image.digest())).isEqualTo(200);

        assertThat(alice.delete("/api/v1/tags/" + a + "?force=true").status()).isEqualTo(204);
        assertThat(manifestStatus(ns + "/del", image.digest())).isEqualTo(404);
        assertThat(manifestStatus(ns + "/del", other.digest())).isEqualTo(200);
        assertThat(manifestStatus(ns + "/keep", image.digest())).as("Portus #1125: other repositories keep the digest")
                .isEqualTo(200);
        assertThat(names(alice.get("/api/v1/repositories/" + kept + "/tags").json(), "name")).containsExactly("a");
        assertThat(names(alice.get("/api/v1/repositories/" + repo + "/tags").json(), "name")).containsExactly("c");

        assertThat(bob.delete("/api/v1/repositories/" + repo).status()).isEqualTo(403);
        assertThat(alice.delete("/api/v1/repositories/" + repo).status()).isEqualTo(204);
        assertThat(manifestStatus(ns + "/del", other.digest())).isEqualTo(404);
        assertThat(alice.get("/api/v1/repositories/" + repo).status()).isEqualTo(404);

        List<String> keys = alice.get("/api/v1/activities?all=true").json().findValuesAsString("key");
        assertThat(keys).contains("repository.push", "repository.delete", "namespace.delete");
        var csv = alice.get("/api/v1/activities.csv");
        assertThat(csv.body()).startsWith("Tracked item,Item,Event,Recipient,Triggered by,Time,Notes")
                .contains(ns + "/del").contains("\"delete\"");
    }

    @Test
    void starsAndCommentsRenderMarkdownSafely() {
        pusher.image(ns + "/social", "1", TestPusher.OCI_MANIFEST, 1, 10);
        long repo = repositoryId(ns + "/social");
        assertThat(alice.post("/api/v1/repositories/" + repo + "/toggle_star", "{}").json().get("starred").asBoolean()).isTrue();
        assertThat(alice.get("/api/v1/stars").json().findValuesAsString("full_name")).contains(ns + "/social");
        assertThat(alice.post("/api/v1/repositories/" + repo + "/toggle_star", "{}").json().get("starred").asBoolean()).isFalse();
        var comment = alice.post("/api/v1/repositories/" + repo + "/comments",
                "{\"comment\":{\"body\":\"**bold** <script>alert(1)</script> [x](javascript:alert(2))\"}}");
        assertThat(comment.status()).isEqualTo(201);
        String html = comment.json().get("body_html").asString();
        assertThat(html).contains("&lt;script&gt;").contains("<strong>bold</strong>").doesNotContain("<script>")
                .doesNotContain("javascript:");
        assertThat(bob.post("/api/v1/repositories/" + repo + "/comments", "{\"body\":\"hi\"}").status()).isEqualTo(403);
        long id = comment.json().get("id").asLong();
        assertThat(admin.delete("/api/v1/repositories/" + repo + "/comments/" + id).status()).isEqualTo(204);
        assertThat(alice.get("/api/v1/repositories/" + repo + "/comments").json().size()).isZero();
    }

    @Test
    void webhooksDeliverPushesWithTheirHeadersAndKeepSecretsEncrypted() throws Exception {
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            Map<String, String> r = new ConcurrentHashMap<>();
            r.put("method", ex.getRequestMethod());
            r.put("body", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            r.put("token", Optional.ofNullable(ex.getRequestHeaders().getFirst("X-Token")).orElse(""));
            r.put("auth", Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization")).orElse(""));
            received.add(r);
            ex.sendResponseHeaders(200, 2);
            ex.getResponseBody().write("ok".getBytes());
            ex.close();
        });
        server.start();
        try {
            long nsId = namespaces.find(builtinId, ns).orElseThrow().id();
            String url = "127.0.0.1:" + server.getAddress().getPort() + "/hook";
            var created = alice.post("/api/v1/namespaces/" + nsId + "/webhooks", "{\"webhook\":{\"name\":\"ci\",\"url\":\""
                    + url + "\",\"request_method\":\"POST\",\"username\":\"hook\",\"password\":\"hook-secret-pw\"}}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.json().get("enabled").asBoolean()).isFalse();
            assertThat(created.json().get("url").asString()).isEqualTo("http://" + url);
            assertThat(created.body()).doesNotContain("hook-secret-pw");
            long hook = created.json().get("id").asLong();
            assertThat(bob.get("/api/v1/namespaces/" + nsId + "/webhooks").status()).isEqualTo(403);
            assertThat(alice.post("/api/v1/namespaces/" + nsId + "/webhooks/" + hook + "/headers",
                    "{\"name\":\"X-Token\",\"value\":\"header-secret\"}").status()).isEqualTo(201);
            assertThat(alice.put("/api/v1/namespaces/" + nsId + "/webhooks/" + hook + "/toggle_enabled", "{}")
                    .json().get("enabled").asBoolean()).isTrue();
            String stored = jdbc.sql("SELECT password_enc FROM webhooks WHERE id = ?").param(hook).query(String.class).single();
            assertThat(stored).startsWith("v1:").doesNotContain("hook-secret-pw");

            var pushed = pusher.image(ns + "/hooked", "1", TestPusher.OCI_MANIFEST, 1, 10);
            var call = Poll.until("webhook call", () -> received.stream().findFirst());
            assertThat(call.get("body")).contains(pushed.digest()).contains("\"push\"");
            assertThat(call.get("token")).isEqualTo("header-secret");
            assertThat(call.get("auth")).isEqualTo("Basic " + java.util.Base64.getEncoder()
                    .encodeToString("hook:hook-secret-pw".getBytes()));
            JsonNode deliveries = Poll.until("delivery recorded", () -> Optional.of(alice.get("/api/v1/namespaces/" + nsId
                    + "/webhooks/" + hook + "/deliveries").json()).filter(d -> d.size() == 1 && d.get(0).get("status").isNumber()));
            assertThat(deliveries.get(0).get("status").asInt()).isEqualTo(200);
            assertThat(deliveries.get(0).get("request_header").asString()).doesNotContain("header-secret");
            long delivery = deliveries.get(0).get("id").asLong();
            assertThat(alice.put("/api/v1/namespaces/" + nsId + "/webhooks/" + hook + "/deliveries/" + delivery, "{}")
                    .status()).isEqualTo(200);
            Poll.until("re-sent", () -> received.size() >= 2 ? Optional.of(true) : Optional.empty());
            assertThat(alice.get("/api/v1/activities?all=true").json().findValuesAsString("key"))
                    .contains("webhook.create", "webhook.enabled");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void webhooksNeverReachMetadataAddressesNorFollowRedirects() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            received.add(ex.getRequestURI().getPath());
            ex.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.start();
        try {
            long nsId = namespaces.find(builtinId, ns).orElseThrow().id();
            for (String denied : List.of("http://169.254.169.254/latest/meta-data/", "http://[::ffff:169.254.169.254]/",
                    "http://[fe80::1]:8080/", "http://0.0.0.0/", "https://[fd00:ec2::254]/")) {
                var refused = alice.post("/api/v1/namespaces/" + nsId + "/webhooks", "{\"webhook\":{\"name\":\"meta\","
                        + "\"url\":\"" + denied + "\",\"enabled\":true}}");
                assertThat(refused.status()).as(denied + ": " + refused).isBetween(400, 499);
                assertThat(refused.body()).contains("url").contains("link-local or cloud metadata address");
            }
            var created = alice.post("/api/v1/namespaces/" + nsId + "/webhooks", "{\"webhook\":{\"name\":\"moved\","
                    + "\"url\":\"http://127.0.0.1:" + server.getAddress().getPort() + "/hook\",\"enabled\":true}}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            long redirecting = created.json().get("id").asLong();
            // a row from before the rule (or imported from Portus) pointing at the metadata service
            var legacy = alice.post("/api/v1/namespaces/" + nsId + "/webhooks", "{\"webhook\":{\"name\":\"legacy\","
                    + "\"url\":\"http://127.0.0.1:1/\",\"enabled\":true}}");
            long metadata = legacy.json().get("id").asLong();
            jdbc.sql("UPDATE webhooks SET url = 'http://169.254.169.254/latest/meta-data/' WHERE id = ?").param(metadata).update();

            pusher.image(ns + "/guarded", "1", TestPusher.OCI_MANIFEST, 1, 10);
            JsonNode moved = Poll.until("redirect recorded", () -> Optional.of(alice.get("/api/v1/namespaces/" + nsId
                    + "/webhooks/" + redirecting + "/deliveries").json()).filter(d -> d.size() == 1 && d.get(0).get("status").isNumber()));
            assertThat(moved.get(0).get("status").asInt()).as("the redirect is the answer, not followed").isEqualTo(302);
            assertThat(received).containsExactly("/hook");
            JsonNode refused = Poll.until("refusal recorded", () -> Optional.of(alice.get("/api/v1/namespaces/" + nsId
                    + "/webhooks/" + metadata + "/deliveries").json()).filter(d -> d.size() == 1 && d.get(0).get("status").isNumber()));
            assertThat(refused.get(0).get("status").asInt()).isZero();
            assertThat(refused.get(0).get("response_body").asString())
                    .startsWith("refused to connect to 169.254.169.254: 169.254.169.254 is a link-local or cloud metadata address");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void syncAddsContentPushedBehindItsBackAndRemovesOnlyWhatIsGone() throws Exception {
        String repo = ns + "/synced";
        RepositoryName name = new RepositoryName(repo);
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes();
        byte[] layer = ("layer " + unique("x")).getBytes();
        put(name, config);
        put(name, layer);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                + Digest.sha256(config) + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + Digest.sha256(layer) + "\",\"size\":"
                + layer.length + "}]}").getBytes();
        Digest digest = Digest.sha256(manifest);
        storage.putManifest(name, digest, manifest, Optional.empty());
        storage.tag(name, "v1", digest);
        storage.tag(name, "v2", digest);
        sync.syncAll();
        var view = catalog.find(builtinId, repo).orElseThrow();
        var tags = catalog.tagsOf(view.id());
        assertThat(tags).extracting(t -> t.name()).containsExactly("v1", "v2");
        assertThat(tags.getFirst().size()).isEqualTo(config.length + layer.length);
        assertThat(tags.getFirst().author()).isEqualTo("portus");

        storage.deleteTag(name, "v2");
        sync.syncAll();
        assertThat(catalog.tagsOf(view.id())).extracting(t -> t.name()).containsExactly("v1");
    }

    /** The {@code field} of each element of a JSON array. */
    static List<String> names(JsonNode array, String field) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asString()));
        return out;
    }

    private void put(RepositoryName name, byte[] content) throws Exception {
        var session = storage.startUpload(name);
        storage.appendUpload(name, session.id(), new ByteArrayInputStream(content));
        storage.commitUpload(name, session.id(), Digest.sha256(content));
    }

    private int manifestStatus(String repo, String digest) {
        return pusher.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + environment.getProperty("local.server.port") + "/v2/" + repo + "/manifests/" + digest))
                .header("Accept", TestPusher.OCI_MANIFEST).GET().build()).statusCode();
    }
}
