package io.portus.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.portus.catalog.internal.EventStore;
import io.portus.namespace.NamespaceService;
import io.portus.namespace.Registry;
import io.portus.namespace.RegistryService;
import io.portus.namespace.Visibility;
import io.portus.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Registry events into the catalog, on each database: built-in pushes, forged and duplicated events. */
@TestPropertySource(properties = "portus.webhooks.secret=" + CatalogEventsContract.SECRET)
abstract class CatalogEventsContract extends DatabaseTest {

    static final String SECRET = "catalog-test-secret";

    @Autowired CatalogService catalog;
    @Autowired RegistryService registries;
    @Autowired NamespaceService namespaces;
    @Autowired EventStore events;
    @Autowired JdbcClient jdbc;

    TestPusher pusher;
    Registry builtin;

    @BeforeEach
    void setUp() {
        pusher = new TestPusher(base());
        builtin = Poll.until("built-in registry on its real port",
                () -> registries.builtin().filter(r -> !r.hostname().endsWith(":0")));
    }

    String base() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port");
    }

    TagView awaitTag(String repo, String tag, String digest) {
        return Poll.until(repo + ":" + tag + " at " + digest, () -> catalog.find(builtin.id(), repo)
                .flatMap(r -> catalog.tagsOf(r.id()).stream()
                        .filter(t -> t.name().equals(tag) && t.digest().equals(digest)).findFirst()));
    }

    @Test
    void aPushIntoANewNamespaceCreatesItAndTheTagWithSizeAndAnonymousAuthor() {
        String ns = unique("cat");
        var pushed = pusher.image(ns + "/app", "1.0", TestPusher.OCI_MANIFEST, 2, 1000);
        TagView tag = awaitTag(ns + "/app", "1.0", pushed.digest());
        assertThat(tag.size()).isEqualTo(pushed.size());
        assertThat(tag.mediaType()).isEqualTo(TestPusher.OCI_MANIFEST);
        assertThat(tag.author()).isEqualTo("");
        assertThat(tag.imageId()).hasSize(64);
        assertThat(tag.platforms()).isEmpty();
        var namespace = namespaces.find(builtin.id(), ns).orElseThrow();
        assertThat(namespace.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(namespace.teamName()).isEqualTo(namespaces.find(builtin.id(), null).orElseThrow().teamName());
        var repo = catalog.find(builtin.id(), ns + "/app").orElseThrow();
        assertThat(repo.name()).isEqualTo("app");
        assertThat(repo.fullName()).isEqualTo(ns + "/app");
    }

    @Test
    void pullsSetTheTagsLastPulledTimeWithoutStoringAnEventPerPull() throws Exception {
        String ns = unique("pull");
        var pushed = pusher.image(ns + "/app", "1.0", TestPusher.OCI_MANIFEST, 1, 100);
        assertThat(awaitTag(ns + "/app", "1.0", pushed.digest()).pulledAt()).isNull();
        var http = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < 20; i++) {
            var get = HttpRequest.newBuilder(URI.create(base() + "/v2/" + ns + "/app/manifests/1.0"))
                    .header("Accept", TestPusher.OCI_MANIFEST).build();
            assertThat(http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }
        TagView pulled = Poll.until("pulled_at of " + ns + "/app:1.0", () -> catalog.find(builtin.id(), ns + "/app")
                .flatMap(r -> catalog.tagsOf(r.id()).stream().filter(t -> t.pulledAt() != null).findFirst()));
        assertThat(pulled.pulledAt()).isAfterOrEqualTo(pulled.pushedAt());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registry_events WHERE action = 'pull' AND repository = ?")
                .param(ns + "/app").query(Long.class).single()).isZero();
    }

    @Test
    void aRepositoryWithoutSlashGoesToTheGlobalNamespace() {
        String name = unique("glob");
        var pushed = pusher.image(name, "latest", TestPusher.DOCKER_MANIFEST, 1, 500);
        awaitTag(name, "latest", pushed.digest());
        assertThat(catalog.find(builtin.id(), name).orElseThrow().globalNamespace()).isTrue();
    }

    @Test
    void indexesAndManifestListsListTheirPlatforms() {
        String repo = unique("multi") + "/img";
        var a = pusher.image(repo, "a", TestPusher.OCI_MANIFEST, 1, 700);
        var b = pusher.image(repo, "b", TestPusher.OCI_MANIFEST, 2, 300);
        var index = pusher.index(repo, "oci", TestPusher.OCI_INDEX, List.of(a, b), TestPusher.OCI_MANIFEST);
        TagView tag = awaitTag(repo, "oci", index.digest());
        assertThat(tag.mediaType()).isEqualTo(TestPusher.OCI_INDEX);
        assertThat(tag.platforms()).extracting(Platform::architecture).containsExactly("amd64", "arm64");
        assertThat(tag.platforms()).extracting(Platform::size).containsExactly(a.size(), b.size());
        assertThat(tag.size()).isEqualTo(a.size() + b.size());

        var c = pusher.image(repo, "c", TestPusher.DOCKER_MANIFEST, 1, 100);
        var d = pusher.image(repo, "d", TestPusher.DOCKER_MANIFEST, 1, 200);
        var e = pusher.image(repo, "e", TestPusher.DOCKER_MANIFEST, 1, 300);
        var list = pusher.index(repo, "docker", TestPusher.DOCKER_LIST, List.of(c, d, e), TestPusher.DOCKER_MANIFEST);
        TagView listed = awaitTag(repo, "docker", list.digest());
        assertThat(listed.platforms()).hasSize(3);
        assertThat(listed.platforms().get(2).variant()).isEqualTo("v7");
        assertThat(listed.size()).isEqualTo(c.size() + d.size() + e.size());
    }

    @Test
    void forgedEventsChangeNothingAndDuplicatesApplyOnce() {
        String repo = unique("forge") + "/app";
        var real = pusher.image(repo, "v1", TestPusher.OCI_MANIFEST, 1, 100);
        awaitTag(repo, "v1", real.digest());

        String forgedPush = envelope("push", repo, "sha256:" + "ab".repeat(32), "v2", "mallory");
        String forgedMove = envelope("push", repo, "sha256:" + "cd".repeat(32), "v1", "mallory");
        String forgedDelete = envelope("delete", repo, real.digest(), null, "mallory");
        for (String body : List.of(forgedPush, forgedMove, forgedDelete)) {
            assertThat(post(body, "Bearer " + SECRET).statusCode()).isEqualTo(202);
        }
        for (String body : List.of(forgedPush, forgedMove, forgedDelete)) {
            String id = body.substring(body.indexOf("\"id\":\"") + 6, body.indexOf("\",\""));
            Poll.until("forged event handled", () -> events.status(id).filter(s -> s != EventStore.PENDING));
            assertThat(events.status(id)).contains(EventStore.IGNORED);
        }
        List<TagView> tags = catalog.tagsOf(catalog.find(builtin.id(), repo).orElseThrow().id());
        assertThat(tags).extracting(TagView::name).containsExactly("v1");
        assertThat(tags.getFirst().digest()).isEqualTo(real.digest());

        var second = pusher.image(repo, "v2", TestPusher.OCI_MANIFEST, 1, 100);
        String replay = envelope("push", repo, second.digest(), "v2", "someone");
        var first = post(replay, "Bearer " + SECRET);
        var again = post(replay, "Bearer " + SECRET);
        assertThat(first.body()).contains("\"stored\":1");
        assertThat(again.body()).contains("\"duplicates\":1").contains("\"stored\":0");
    }

    @Test
    void theSecretIsRequiredAndBadBodiesAre400() {
        String body = envelope("push", "x/y", "sha256:" + "ef".repeat(32), "t", "a");
        assertThat(post(body, null).statusCode()).isEqualTo(401);
        assertThat(post(body, "Bearer wrong").statusCode()).isEqualTo(401);
        var bad = post("{not json", "Bearer " + SECRET);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).doesNotContain("Exception");
        assertThat(post("{\"events\":{}}", "Bearer " + SECRET).statusCode()).isEqualTo(400);
        var blobOnly = post("{\"events\":[{\"id\":\"" + UUID.randomUUID() + "\",\"action\":\"push\",\"target\":{"
                + "\"mediaType\":\"application/octet-stream\",\"repository\":\"x/y\",\"digest\":\"sha256:" + "ef".repeat(32)
                + "\"}}]}", "Bearer " + SECRET);
        assertThat(blobOnly.statusCode()).isEqualTo(202);
        assertThat(blobOnly.body()).contains("\"skipped\":1");
    }

    @Test
    void pendingRowsLeftByAnEarlierRunAreApplied() {
        String repo = unique("left") + "/over";
        var pushed = pusher.image(repo, "1", TestPusher.OCI_MANIFEST, 1, 10);
        awaitTag(repo, "1", pushed.digest());
        var moved = pusher.image(repo, "2", TestPusher.OCI_MANIFEST, 1, 10);
        String id = UUID.randomUUID().toString();
        String data = envelope("push", repo, moved.digest(), "2", "").replace("{\"events\":[", "").replaceAll("]}$", "");
        data = data.replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"" + id + "\"");
        assertThat(events.insert(id, builtin.id(), "push", repo, data)).isTrue();
        awaitTag(repo, "2", moved.digest());
    }

    String envelope(String action, String repo, String digest, String tag, String actor) {
        return "{\"events\":[{\"id\":\"" + UUID.randomUUID() + "\",\"timestamp\":\"2024-05-01T10:00:00.123456789Z\","
                + "\"action\":\"" + action + "\",\"target\":{"
                + (action.equals("push") ? "\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"size\":100," : "")
                + "\"digest\":\"" + digest + "\",\"repository\":\"" + repo + "\""
                + (tag == null ? "" : ",\"tag\":\"" + tag + "\"") + "},"
                + "\"request\":{\"id\":\"r\",\"addr\":\"127.0.0.1:1\",\"host\":\"" + builtin.hostname() + "\",\"method\":\"PUT\"},"
                + "\"actor\":{\"name\":\"" + actor + "\"},\"source\":{\"addr\":\"elsewhere:5000\"}}]}";
    }

    HttpResponse<String> post(String body, String authorization) {
        var b = HttpRequest.newBuilder(URI.create(base() + "/v2/webhooks/events"))
                .header("Content-Type", "application/vnd.docker.distribution.events.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        Optional.ofNullable(authorization).ifPresent(a -> b.header("Authorization", a));
        return pusher.send(b.build());
    }
}
