package io.portus.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.portus.account.ApplicationTokenService;
import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.catalog.CatalogService;
import io.portus.catalog.Poll;
import io.portus.catalog.TestPusher;
import io.portus.account.UserService;
import io.portus.namespace.NamespaceService;
import io.portus.namespace.RegistryService;
import io.portus.support.DatabaseTest;
import io.portus.support.OnDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deletes through the REST API on the built-in registry publish the registry's delete events, as an HTTP
 * {@code DELETE} on {@code /v2/} would: a real notification endpoint receives them (actor = the user who
 * deleted), the namespace's webhook is called, and the event coming back to the catalog adds no second
 * activity.
 */
@ContextConfiguration(initializers = OnDatabase.H2.class)
class BuiltInDeleteEventsTest extends DatabaseTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<JsonNode> NOTIFIED = new CopyOnWriteArrayList<>();
    private static final List<String> HOOKED = new CopyOnWriteArrayList<>();
    private static final HttpServer RECEIVER = receiver();

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("portus.notifications.endpoints[0].name", () -> "delete-events-test");
        registry.add("portus.notifications.endpoints[0].url",
                () -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/events");
        registry.add("portus.notifications.endpoints[0].ignore.actions[0]", () -> "pull");
        registry.add("portus.notifications.endpoints[1].name", () -> "metadata");
        registry.add("portus.notifications.endpoints[1].url", () -> "http://169.254.169.254/latest/meta-data/");
        registry.add("portus.notifications.endpoints[1].backoff", () -> "1h");
        registry.add("portus.notifications.endpoints[1].threshold", () -> "1");
    }

    @Autowired UserService users;
    @Autowired ApplicationTokenService tokens;
    @Autowired NamespaceService namespaces;
    @Autowired RegistryService registries;
    @Autowired CatalogService catalog;
    @Autowired JdbcClient jdbc;

    User alice;
    ApiClient api;
    String ns;
    long builtinId;
    TestPusher pusher;

    @BeforeEach
    void setUp() {
        int port = Integer.parseInt(environment.getProperty("local.server.port"));
        String name = unique("deleter");
        alice = users.create(NewUser.regular(name, name + "@example.com", "password-of-" + name));
        api = new ApiClient(port, null).as(alice.username(), tokens.createFor(alice, "test").plainToken());
        builtinId = Poll.until("built-in registry", () -> registries.builtin().filter(r -> !r.hostname().endsWith(":0"))).id();
        ns = alice.username();
        pusher = new TestPusher("http://127.0.0.1:" + port);
    }

    @Test
    void aTagDeleteIsNotifiedWithTheUserAsActorAndCallsTheNamespaceWebhook() {
        String repo = ns + "/tagdel";
        var image = pusher.image(repo, "a", TestPusher.OCI_MANIFEST, 1, 64);
        pusher.putManifest(repo, "b", TestPusher.OCI_MANIFEST, image.manifest());
        pusher.image(repo, "c", TestPusher.OCI_MANIFEST, 1, 64);
        long repoId = awaitTags(repo, 3);
        long nsId = namespaces.find(builtinId, ns).orElseThrow().id();
        var hook = api.post("/api/v1/namespaces/" + nsId + "/webhooks", "{\"webhook\":{\"name\":\"ci\",\"url\":\"127.0.0.1:"
                + RECEIVER.getAddress().getPort() + "/hook/" + ns + "\",\"request_method\":\"POST\"}}");
        assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
        api.put("/api/v1/namespaces/" + nsId + "/webhooks/" + hook.json().get("id").asLong() + "/toggle_enabled", "{}");
        long tagA = api.get("/api/v1/repositories/" + repoId + "/tags").json().get(0).get("id").asLong();

        assertThat(api.delete("/api/v1/tags/" + tagA + "?force=true").status()).isEqualTo(204);

        JsonNode deleted = Poll.until("the manifest's delete notification", () -> notified("delete", repo)
                .filter(e -> image.digest().equals(e.path("target").path("digest").asString())).findFirst());
        assertThat(deleted.path("actor").path("name").asString()).isEqualTo(alice.username());
        assertThat(deleted.path("request").path("method").asString()).isEqualTo("DELETE");
        assertThat(deleted.path("request").path("host").asString()).isEqualTo(registries.builtin().orElseThrow().hostname());
        List<String> tags = Poll.until("the tags' delete notifications", () -> Optional.of(notified("delete", repo)
                .map(e -> e.path("target").path("tag").asString()).filter(t -> !t.isEmpty()).sorted().toList())
                .filter(t -> t.size() == 2));
        assertThat(tags).containsExactly("a", "b");
        String call = Poll.until("the namespace webhook's call", () -> HOOKED.stream()
                .filter(b -> b.contains(image.digest()) && b.contains("\"delete\"")).findFirst());
        assertThat(call).contains(alice.username());

        awaitEventsApplied(repo, 3);
        assertThat(activities("repository.delete", repo)).as("one activity per deleted tag, not one more per event")
                .isEqualTo(2);
        assertThat(catalog.tagsOf(repoId)).extracting(t -> t.name()).containsExactly("c");
    }

    @Test
    void aRepositoryDeleteIsNotifiedOncePerManifestAndRecordedOnce() {
        String repo = ns + "/repodel";
        var one = pusher.image(repo, "1", TestPusher.OCI_MANIFEST, 1, 64);
        var two = pusher.image(repo, "2", TestPusher.OCI_MANIFEST, 1, 64);
        long repoId = awaitTags(repo, 2);

        assertThat(api.delete("/api/v1/repositories/" + repoId).status()).isEqualTo(204);

        List<String> digests = Poll.until("both manifests' delete notifications", () -> Optional.of(notified("delete", repo)
                .map(e -> e.path("target").path("digest").asString()).filter(d -> !d.isEmpty()).sorted().toList())
                .filter(d -> d.size() == 2));
        assertThat(digests).containsExactlyInAnyOrderElementsOf(List.of(one.digest(), two.digest()));
        awaitEventsApplied(repo, 4);
        assertThat(catalog.find(builtinId, repo)).isEmpty();
        assertThat(activities("repository.delete", repo)).isEqualTo(2);
        assertThat(activities("namespace.delete", repo)).isEqualTo(1);
    }

    @Test
    void notificationsToTheMetadataServiceAreRefusedAndTheRefusalRecorded() {
        pusher.image(ns + "/meta", "1", TestPusher.OCI_MANIFEST, 1, 64);
        String error = Poll.until("the refused delivery", () -> jdbc.sql("SELECT last_error FROM notification_outbox "
                + "WHERE endpoint = 'metadata' AND last_error IS NOT NULL ORDER BY id").query(String.class).list()
                .stream().findFirst());
        assertThat(error).startsWith("refused to connect to 169.254.169.254: 169.254.169.254 is a link-local or cloud "
                + "metadata address");
    }

    private long awaitTags(String fullName, int count) {
        return Poll.until(fullName + " with " + count + " tags", () -> catalog.find(builtinId, fullName)
                .filter(r -> r.tagCount() == count)).id();
    }

    private java.util.stream.Stream<JsonNode> notified(String action, String repo) {
        return NOTIFIED.stream().filter(e -> action.equals(e.path("action").asString())
                && repo.equals(e.path("target").path("repository").asString()));
    }

    /** Waits until the registry's delete events of {@code repo} came back to the catalog and were handled. */
    private void awaitEventsApplied(String repo, int count) {
        Poll.until(count + " delete events of " + repo + " handled", () -> Optional.of(jdbc.sql(
                        "SELECT COUNT(*) FROM registry_events WHERE repository = ? AND action = 'delete' AND status <> 2")
                .param(repo).query(Long.class).single()).filter(n -> n >= count));
    }

    private long activities(String key, String repo) {
        return jdbc.sql("SELECT COUNT(*) FROM activities WHERE activity_key = ? AND (trackable_name = ? OR recipient_name = ?)")
                .params(key, repo, repo).query(Long.class).single();
    }

    private static HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/events", ex -> {
                JsonNode envelope = JSON.readTree(ex.getRequestBody().readAllBytes());
                List<JsonNode> events = new ArrayList<>();
                envelope.path("events").forEach(events::add);
                NOTIFIED.addAll(events);
                ex.sendResponseHeaders(200, -1);
                ex.close();
            });
            server.createContext("/hook", ex -> {
                HOOKED.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                ex.sendResponseHeaders(200, -1);
                ex.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
