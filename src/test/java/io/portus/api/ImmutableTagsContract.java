package io.portus.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * Immutable tags (issue #11) over real HTTP: pushes that would move them and every delete path are refused with
 * the rule named; new tags work.
 */
abstract class ImmutableTagsContract extends RulesTestBase {

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

}
