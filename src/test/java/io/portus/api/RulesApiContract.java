package io.portus.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.portus.account.ApplicationTokenService;
import io.portus.account.UserService;
import io.portus.catalog.CatalogService;
import io.portus.catalog.Poll;
import io.portus.namespace.RegistryService;
import io.portus.rules.NamespaceRulesService;
import io.portus.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Immutable tags and quotas (issue #11) over real HTTP on each database: the rules set through
 * {@code PUT /api/v1/namespaces/:id}, enforced by the built-in registry on manifest PUT and on every delete path.
 */
abstract class RulesApiContract extends DatabaseTest {

    @Autowired UserService users;
    @Autowired ApplicationTokenService tokens;
    @Autowired RegistryService registries;
    @Autowired CatalogService catalog;
    @Autowired NamespaceRulesService rules;
    @Autowired JdbcClient jdbc;

    TeamFixture t;
    ApiClient admin;
    long builtinId;
    RulesRegistry registry;

    @BeforeEach
    void setUp() {
        int port = Integer.parseInt(environment.getProperty("local.server.port"));
        builtinId = Poll.until("built-in registry", () -> registries.builtin().filter(r -> !r.hostname().endsWith(":0"))).id();
        t = new TeamFixture(users, tokens, port, builtinId, DatabaseTest::unique);
        admin = TeamFixture.admin(users, tokens, port, unique("admin"));
        registry = new RulesRegistry(port);
    }

    @Test
    void immutableTagsKeepTheirDigestAndCannotBeDeleted() {
        String repo = t.namespace + "/app";
        var v1 = registry.push(repo, "v1", 100);
        assertThat(rulesOf("{\"immutable_tags\":true}").get("immutable_tags").asBoolean()).isTrue();

        assertThat(registry.put(repo, "v1", v1).statusCode()).as("the same digest again").isEqualTo(201);
        var other = registry.blobs(repo, 100);
        HttpResponse<String> moved = registry.put(repo, "v1", other);
        assertThat(moved.statusCode()).isEqualTo(403);
        assertThat(moved.body()).contains("\"code\":\"DENIED\"")
                .contains("tag v1 is immutable in namespace " + t.namespace + " (immutable_tags)");
        assertThat(registry.get(repo, "v1")).isEqualTo(v1.digest());
        assertThat(registry.get(repo, other.digest())).as("nothing of the refused push is stored").isEqualTo("404");
        assertThat(registry.put(repo, "v2", other).statusCode()).as("a new tag").isEqualTo(201);

        HttpResponse<String> tagDelete = registry.delete(repo, "v1");
        assertThat(tagDelete.statusCode()).isEqualTo(403);
        assertThat(tagDelete.body()).contains("DENIED").contains("tag v1 is immutable").contains("cannot be deleted");
        assertThat(registry.delete(repo, v1.digest()).statusCode()).as("the manifest of an immutable tag").isEqualTo(403);
        long tagId = awaitTagId(repo, "v1");
        var apiDelete = t.asOwner.delete("/api/v1/tags/" + tagId);
        assertThat(apiDelete.status()).as(apiDelete.toString()).isEqualTo(422);
        assertThat(apiDelete.json().get("error").asString()).contains("tag v1 is immutable");
        long repoId = catalog.find(builtinId, repo).orElseThrow().id();
        var repoDelete = t.asOwner.delete("/api/v1/repositories/" + repoId);
        assertThat(repoDelete.status()).as(repoDelete.toString()).isEqualTo(422);
        assertThat(registry.get(repo, "v1")).isEqualTo(v1.digest());

        rulesOf("{\"immutable_tags\":false}");
        assertThat(registry.put(repo, "v1", other).statusCode()).as("rule lifted").isEqualTo(201);
    }

    @Test
    void aPatternMakesOnlyMatchingTagsImmutable() {
        String repo = t.namespace + "/lib";
        var first = registry.push(repo, "v1.0", 50);
        registry.push(repo, "latest", 50);
        assertThat(rulesOf("{\"immutable_tags_pattern\":\"^v\"}").get("immutable_tags_pattern").asString()).isEqualTo("^v");
        assertThat(registry.put(repo, "latest", first).statusCode()).as("latest is not matched").isEqualTo(201);
        var refused = registry.put(repo, "v1.0", registry.blobs(repo, 50));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("tag v1.0 is immutable in namespace " + t.namespace
                + " (immutable_tags_pattern ^v)");
        assertThat(registry.delete(repo, "latest").statusCode()).isEqualTo(202);
        assertThat(registry.delete(repo, "v1.0").statusCode()).isEqualTo(403);
    }

    @Test
    void usageCountsEachBlobOncePerNamespaceAndDeletesGiveItBack() {
        String repo = t.namespace + "/app";
        var image = registry.push(repo, "1", 1000);
        assertThat(used()).isEqualTo(image.counted());
        registry.mount(repo, t.namespace + "/copy", image);
        assertThat(registry.put(t.namespace + "/copy", "1", image).statusCode()).isEqualTo(201);
        assertThat(used()).as("the same blobs in a second repository count once").isEqualTo(image.counted());
        var second = registry.push(repo, "2", 500);
        assertThat(used()).isEqualTo(image.counted() + second.counted());

        assertThat(registry.delete(repo, image.digest()).statusCode()).isEqualTo(202);
        assertThat(used()).as("still in the copy").isEqualTo(image.counted() + second.counted());
        assertThat(registry.delete(t.namespace + "/copy", image.digest()).statusCode()).isEqualTo(202);
        assertThat(used()).isEqualTo(second.counted());
        var index = registry.index(repo, "multi", second);
        assertThat(used()).as("an index counts its own bytes").isEqualTo(second.counted() + index.counted());
        var untagged = registry.blobs(repo, 300);
        assertThat(registry.put(repo, untagged.digest(), untagged).statusCode()).isEqualTo(201);
        long all = second.counted() + index.counted() + untagged.counted();
        assertThat(used()).isEqualTo(all);

        wipeUsage();
        assertThat(rules.recount(t.namespaceId)).as("recounted from storage").isEqualTo(second.counted() + index.counted());
        assertThat(registry.delete(repo, "2").statusCode()).isEqualTo(202);
        assertThat(rules.recount(t.namespaceId)).as("the index's child without a tag still counts")
                .isEqualTo(second.counted() + index.counted());
    }

    @Test
    void aPushOverTheQuotaIsRefusedAndLeavesNothingVisible() {
        String repo = t.namespace + "/app";
        var image = registry.push(repo, "1", 1000);
        wipeUsage();
        rulesOf("{\"quota_bytes\":" + (image.counted() + 600) + "}");
        assertThat(used()).as("setting a quota recounts").isEqualTo(image.counted());
        var big = registry.blobs(repo, 1000);
        HttpResponse<String> refused = registry.put(repo, "big", big);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("DENIED").contains("quota of namespace " + t.namespace + " exceeded")
                .contains(image.counted() + " + " + big.counted() + " > " + (image.counted() + 600) + " bytes");
        assertThat(registry.get(repo, "big")).isEqualTo("404");
        assertThat(registry.get(repo, big.digest())).isEqualTo("404");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM registry_events WHERE data LIKE ?").param("%" + big.digest() + "%")
                .query(Long.class).single()).as("no event").isZero();
        assertThat(used()).isEqualTo(image.counted());

        assertThat(registry.put(repo, "again", image).statusCode()).as("nothing new to count").isEqualTo(201);
        var small = registry.blobs(repo, 100);
        assertThat(registry.put(repo, "small", small).statusCode()).isEqualTo(201);
        assertThat(registry.delete(repo, image.digest()).statusCode()).isEqualTo(202);
        assertThat(registry.put(repo, "big", big).statusCode()).as("the delete gave space back").isEqualTo(201);
        assertThat(rulesOf("{\"quota_bytes\":null}").get("quota_bytes").isNull()).isTrue();
    }

    @Test
    void twoPushesRacingNearTheLimitCannotBothPass() throws Exception {
        String repo = t.namespace + "/race";
        List<RulesRegistry.Image> images = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            images.add(registry.blobs(repo, 2000));
        }
        long quota = Math.max(images.get(0).counted(), images.get(1).counted()) + 1000;
        rulesOf("{\"quota_bytes\":" + quota + "}");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    var image = images.get(i);
                    String tag = "r" + round + "-" + i;
                    answers.add(pool.submit(() -> {
                        go.await();
                        return registry.put(repo, tag, image).statusCode();
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : answers) {
                    statuses.add(f.get());
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(201, 403);
                assertThat(used()).isLessThanOrEqualTo(quota);
                String passed = statuses.get(0) == 201 ? images.get(0).digest() : images.get(1).digest();
                assertThat(registry.delete(repo, passed).statusCode()).isEqualTo(202);
                assertThat(used()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoPushesOfDifferentImagesToANewImmutableTagCannotBothWin() throws Exception {
        String repo = t.namespace + "/new";
        var a = registry.blobs(repo, 100);
        var b = registry.blobs(repo, 100);
        rulesOf("{\"immutable_tags\":true}");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String tag = "v" + round;
                CountDownLatch go = new CountDownLatch(1);
                Future<HttpResponse<String>> first = pool.submit(() -> {
                    go.await();
                    return registry.put(repo, tag, a);
                });
                Future<HttpResponse<String>> second = pool.submit(() -> {
                    go.await();
                    return registry.put(repo, tag, b);
                });
                go.countDown();
                var answers = List.of(first.get(), second.get());
                assertThat(answers.stream().map(HttpResponse::statusCode).toList()).as("round " + round)
                        .containsExactlyInAnyOrder(201, 403);
                var refused = answers.stream().filter(r -> r.statusCode() == 403).findFirst().orElseThrow();
                assertThat(refused.body()).contains("DENIED").contains("tag " + tag + " is immutable");
                String winner = answers.get(0).statusCode() == 201 ? a.digest() : b.digest();
                assertThat(registry.get(repo, tag)).isEqualTo(winner);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badRulesAre422AndOnlyOwnersAndAdminsSetThem() {
        String path = "/api/v1/namespaces/" + t.namespaceId;
        var badRegex = t.asOwner.put(path, "{\"namespace\":{\"immutable_tags_pattern\":\"v(\"}}");
        assertThat(badRegex.status()).isEqualTo(422);
        assertThat(badRegex.json().get("error").get("immutable_tags_pattern").get(0).asString())
                .contains("not a valid regular expression");
        var tooLong = t.asOwner.put(path, "{\"namespace\":{\"immutable_tags_pattern\":\"" + "a".repeat(256) + "\"}}");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("error").get("immutable_tags_pattern").get(0).asString()).contains("too long");
        for (String quota : new String[] {"-1", "\"lots\"", "1.5"}) {
            var bad = t.asOwner.put(path, "{\"namespace\":{\"quota_bytes\":" + quota + "}}");
            assertThat(bad.status()).as(quota).isEqualTo(422);
            assertThat(bad.json().get("error").has("quota_bytes")).isTrue();
        }
        var both = t.asOwner.put(path, "{\"namespace\":{\"description\":\"changed\",\"quota_bytes\":-5}}");
        assertThat(both.status()).isEqualTo(422);
        assertThat(t.asOwner.get(path).json().get("description").isNull()).as("nothing changed").isTrue();

        assertThat(t.asContributor.put(path, "{\"namespace\":{\"quota_bytes\":1}}").status()).isEqualTo(403);
        assertThat(t.asViewer.put(path, "{\"namespace\":{\"immutable_tags\":true}}").status()).isEqualTo(403);
        assertThat(t.asStranger.put(path, "{\"namespace\":{\"immutable_tags\":true}}").status()).isEqualTo(403);
        assertThat(admin.put(path, "{\"namespace\":{\"quota_bytes\":1000}}").status()).isEqualTo(200);
        JsonNode shown = t.asViewer.get(path).json();
        assertThat(shown.get("quota_bytes").asLong()).isEqualTo(1000);
        assertThat(shown.get("used_bytes").asLong()).isZero();
        assertThat(shown.get("immutable_tags").asBoolean()).isFalse();
        assertThat(shown.get("immutable_tags_pattern").isNull()).isTrue();
        assertThat(rules.of(t.namespaceId).quotaBytes()).isEqualTo(1000);
    }

    private JsonNode rulesOf(String json) {
        var r = t.asOwner.put("/api/v1/namespaces/" + t.namespaceId, "{\"namespace\":" + json + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** As after an upgrade from a version without usage, or a lost update. */
    private void wipeUsage() {
        jdbc.sql("DELETE FROM namespace_usage WHERE namespace_id = ?").param(t.namespaceId).update();
        jdbc.sql("UPDATE namespace_rules SET used_bytes = 7 WHERE namespace_id = ?").param(t.namespaceId).update();
    }

    private long used() {
        return t.asOwner.get("/api/v1/namespaces/" + t.namespaceId).json().get("used_bytes").asLong();
    }

    private long awaitTagId(String repo, String tag) {
        long repoId = Poll.until(repo, () -> catalog.find(builtinId, repo)).id();
        return Poll.until(repo + ":" + tag, () -> {
            for (JsonNode n : t.asOwner.get("/api/v1/repositories/" + repoId + "/tags").json()) {
                if (tag.equals(n.get("name").asString())) {
                    return java.util.Optional.of(n.get("id").asLong());
                }
            }
            return java.util.Optional.empty();
        });
    }
}
