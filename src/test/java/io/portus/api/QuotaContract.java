package io.portus.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * Quotas (issue #11) over real HTTP: usage counts each blob once per namespace, pushes over the quota leave
 * nothing behind, deletes give space back, racing pushes cannot both pass, recounts.
 */
abstract class QuotaContract extends RulesTestBase {

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

}
