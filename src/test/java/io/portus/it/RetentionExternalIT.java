package io.portus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Portus's tag expiry ({@code PORTUS_DELETE_GARBAGE_COLLECTOR_*}) on an external CNCF distribution 2.8 trusting our
 * tokens and notifying us: with {@code older_than} 0, {@code keep_latest} 1 and {@code tag} {@code ^build-}, the
 * background job deletes the old build tag through distribution's API (as {@code portus}), distribution no longer
 * serves it, and keeps the newest tag, the tag the expression does not match, and a build tag sharing its digest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionExternalIT {

    static final String PASSWORD = "retention-ext-password";
    static final String SECRET = "events-" + UUID.randomUUID();

    TestImages images;
    Path work;
    TokenAuthPair pair;
    DistributionProcess dist;
    CatalogApi api;
    Skopeo skopeo;

    @BeforeAll
    void start() throws Exception {
        images = TestImages.get("busybox", "multiarch-docker");
        work = ItPaths.newWorkDir("retention-ext");
        pair = TokenAuthPair.start(work, "retention-ext", PASSWORD, SECRET, b -> b
                .env("PORTUS_DELETE_GARBAGE_COLLECTOR_ENABLED", "true")
                .env("PORTUS_DELETE_GARBAGE_COLLECTOR_OLDER_THAN", "0")
                .env("PORTUS_DELETE_GARBAGE_COLLECTOR_KEEP_LATEST", "1")
                .env("PORTUS_DELETE_GARBAGE_COLLECTOR_TAG", "^build-")
                .env("PORTUS_DELETE_GARBAGE_COLLECTOR_INTERVAL", "1s"));
        dist = pair.dist();
        api = pair.api();
        skopeo = pair.skopeo();
    }

    @AfterAll
    void stop() {
        if (pair != null) {
            pair.close();
        }
    }

    String dest(String ref) {
        return "docker://" + dist.hostPort() + "/" + ref;
    }

    boolean served(String ref) {
        return skopeo.run(List.of("inspect", "--tls-verify=false", "--creds", "admin:" + PASSWORD, "--raw", dest(ref))).ok();
    }

    @Test
    void expiredBuildTagsAreDeletedThroughDistributionsApi() {
        // "release" first: it never matches ^build-, so the digest it shares with build-1 is protected from the start
        String shared = skopeo.copy(images.ref("busybox"), dest("team/app:release"));
        skopeo.copy(images.ref("busybox"), dest("team/app:build-1"));
        String old = skopeo.copy(images.ref("busybox"), dest("team/app:build-2"), "--format", "v2s2");
        String newest = skopeo.copy(images.ref("multiarch-docker"), dest("team/app:build-3"), "--all");
        assertThat(old).isNotEqualTo(shared);

        JsonNode tags = api.awaitRepository("team/app", t -> CatalogApi.tag(t, "build-3") != null
                && CatalogApi.tag(t, "build-2") == null);

        assertThat(CatalogApi.names(tags)).containsExactlyInAnyOrder("release", "build-1", "build-3");
        assertThat(served("team/app@" + old)).as("distribution no longer serves build-2's manifest").isFalse();
        assertThat(served("team/app:build-2")).isFalse();
        assertThat(served("team/app:build-1")).isTrue();
        assertThat(served("team/app@" + shared)).isTrue();
        assertThat(served("team/app@" + newest)).isTrue();
        JsonNode activities = Json.parse(CatalogApi.check(api.send("GET", "/api/v1/activities?all=true", api.admin, null), 200).body());
        assertThat(activities.valueStream().anyMatch(a -> "repository.delete".equals(a.path("key").asString())
                && a.path("owner").toString().contains("portus"))).as(activities.toString()).isTrue();
    }
}
