package io.portus.retention.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.portus.catalog.CatalogService;
import io.portus.catalog.Poll;
import io.portus.catalog.TagView;
import io.portus.catalog.TestPusher;
import io.portus.common.DbTime;
import io.portus.namespace.NamespaceService;
import io.portus.namespace.Registry;
import io.portus.namespace.RegistryService;
import io.portus.retention.RetentionRule;
import io.portus.retention.RuleKind;
import io.portus.support.DatabaseTest;
import io.portus.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The background job against the built-in registry with real pushes over HTTP: Portus's expiry with keep_latest per
 * repository and the shared-digest rule, and scheduled retention policies, aged with a {@link MutableClock}.
 */
@TestPropertySource(properties = {"portus.delete.garbage-collector.enabled=true",
        "portus.delete.garbage-collector.older-than=30", "portus.delete.garbage-collector.keep-latest=1",
        "portus.delete.garbage-collector.interval=1h", "portus.retention.interval=24h"})
@Import(TagCleanupJobContract.Clocks.class)
abstract class TagCleanupJobContract extends DatabaseTest {

    @TestConfiguration
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.now());
        }
    }

    @Autowired TagCleanupJob job;
    @Autowired MutableClock clock;
    @Autowired CatalogService catalog;
    @Autowired RegistryService registries;
    @Autowired NamespaceService namespaces;
    @Autowired RetentionStore store;
    @Autowired JdbcClient jdbc;

    Registry builtin;
    TestPusher pusher;

    @BeforeEach
    void setUp() {
        pusher = new TestPusher("http://127.0.0.1:" + environment.getProperty("local.server.port"));
        builtin = Poll.until("built-in registry", () -> registries.builtin().filter(r -> !r.hostname().endsWith(":0")));
    }

    @Test
    void expiryKeepsTheLatestOfEachRepositoryRecentPullsAndSharedDigests() {
        String ns = unique("gc");
        var a1 = pusher.image(ns + "/a", "a1", TestPusher.OCI_MANIFEST, 1, 32);
        var a2 = pusher.image(ns + "/a", "a2", TestPusher.OCI_MANIFEST, 1, 32);
        var a3 = pusher.image(ns + "/a", "a3", TestPusher.OCI_MANIFEST, 1, 32);
        var pulled = pusher.image(ns + "/a", "pulled", TestPusher.OCI_MANIFEST, 1, 32);
        var b1 = pusher.image(ns + "/b", "b1", TestPusher.OCI_MANIFEST, 1, 32);
        var b2 = pusher.image(ns + "/b", "b2", TestPusher.OCI_MANIFEST, 1, 32);
        awaitTags(ns + "/a", 4);
        awaitTags(ns + "/b", 2);
        long a = catalog.find(builtin.id(), ns + "/a").orElseThrow().id();
        pushedAt(a, "a1", Instant.now().minusSeconds(40));
        pushedAt(a, "a2", Instant.now().minusSeconds(30));
        pushedAt(a, "pulled", Instant.now().minusSeconds(20));
        pusher.putManifest(ns + "/a", "a3-alias", TestPusher.OCI_MANIFEST, a3.manifest());
        pusher.putManifest(ns + "/a", "a1-alias", TestPusher.OCI_MANIFEST, a1.manifest());
        awaitTags(ns + "/a", 6);
        pushedAt(a, "a3-alias", Instant.now().minusSeconds(50));
        pushedAt(a, "a1-alias", Instant.now().minusSeconds(50));

        job.runOnce();
        assertThat(catalog.tagsOf(a)).as("nothing is 30 days old yet").hasSize(6);

        clock.advance(Duration.ofDays(40));
        jdbc.sql("UPDATE tags SET pulled_at = ? WHERE repository_id = ? AND name = 'pulled'")
                .params(DbTime.toDb(clock.instant().minus(Duration.ofDays(2))), a).update();
        job.runOnce();

        assertThat(names(a)).as("a3 is the latest push (kept with its alias), 'pulled' was pulled 2 days ago")
                .containsExactlyInAnyOrder("a3", "a3-alias", "pulled");
        assertThat(manifest(ns + "/a", a1.digest())).isEqualTo(404);
        assertThat(manifest(ns + "/a", a2.digest())).isEqualTo(404);
        assertThat(manifest(ns + "/a", a3.digest())).isEqualTo(200);
        assertThat(manifest(ns + "/a", pulled.digest())).isEqualTo(200);
        long b = catalog.find(builtin.id(), ns + "/b").orElseThrow().id();
        assertThat(names(b)).as("keep_latest applies per repository (Portus #2330)").containsExactly("b2");
        assertThat(manifest(ns + "/b", b1.digest())).isEqualTo(404);
        assertThat(manifest(ns + "/b", b2.digest())).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM activities WHERE activity_key = 'repository.delete' AND owner_name = 'portus' "
                + "AND trackable_name LIKE ?").param(ns + "/%").query(Long.class).single())
                .as("a1, a1-alias, a2, b1").isEqualTo(4);
    }

    @Test
    void enabledPoliciesRunOnTheirScheduleAndDisabledOnesNever() {
        String ns = unique("ret");
        String other = unique("off");
        var v1 = pusher.image(ns + "/app", "v1", TestPusher.OCI_MANIFEST, 1, 32);
        pusher.image(ns + "/app", "v2", TestPusher.OCI_MANIFEST, 1, 32);
        pusher.image(other + "/app", "x1", TestPusher.OCI_MANIFEST, 1, 32);
        awaitTags(ns + "/app", 2);
        awaitTags(other + "/app", 1);
        long app = catalog.find(builtin.id(), ns + "/app").orElseThrow().id();
        pushedAt(app, "v1", clock.instant().minusSeconds(60));
        pushedAt(app, "v2", clock.instant().minusSeconds(30));
        long nsId = namespaces.find(builtin.id(), ns).orElseThrow().id();
        long otherId = namespaces.find(builtin.id(), other).orElseThrow().id();
        store.save(nsId, true, null, List.of(new RetentionRule("", RuleKind.LATEST_PUSHED, 1)));
        store.save(otherId, false, null, List.of(new RetentionRule("^nothing$", RuleKind.ALWAYS, 0)));

        job.runOnce();

        assertThat(names(app)).containsExactly("v2");
        assertThat(manifest(ns + "/app", v1.digest())).isEqualTo(404);
        assertThat(names(catalog.find(builtin.id(), other + "/app").orElseThrow().id())).containsExactly("x1");
        assertThat(store.find(nsId).orElseThrow().lastRunAt()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));

        pusher.image(ns + "/app", "v3", TestPusher.OCI_MANIFEST, 1, 32);
        awaitTags(ns + "/app", 2);
        pushedAt(app, "v3", clock.instant());
        job.runOnce();
        assertThat(names(app)).as("not due again before 24 hours").containsExactlyInAnyOrder("v2", "v3");

        clock.advance(Duration.ofHours(25));
        pushedAt(app, "v3", clock.instant());
        job.runOnce();
        assertThat(names(app)).containsExactly("v3");
    }

    List<String> names(long repositoryId) {
        return catalog.tagsOf(repositoryId).stream().map(TagView::name).toList();
    }

    void pushedAt(long repositoryId, String tag, Instant at) {
        jdbc.sql("UPDATE tags SET pushed_at = ? WHERE repository_id = ? AND name = ?")
                .params(DbTime.toDb(at), repositoryId, tag).update();
    }

    void awaitTags(String fullName, int count) {
        Poll.until(fullName + " with " + count + " tags", () -> catalog.find(builtin.id(), fullName)
                .filter(r -> r.tagCount() == count));
    }

    int manifest(String repo, String digest) {
        return pusher.manifestStatus(repo, digest);
    }
}
