package io.portus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The catalog of the built-in registry, end to end with our jar in token mode and skopeo: pushes of a single
 * image, an OCI index and a Docker manifest list appear with their sizes, platforms and author; a kill -9
 * right after a push loses nothing; outgoing notifications (classic ENDPOINT_* variables) reach a receiver
 * that was down during the pushes and across a restart of our process; a tag delete goes through the storage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogBuiltInIT {

    static final String PASSWORD = "catalog-it-password";

    TestImages images;
    PortusProcess portus;
    CatalogApi api;
    Skopeo skopeo;
    int receiverPort;

    @BeforeAll
    void start() {
        images = TestImages.get("busybox", "multiarch", "multiarch-docker");
        receiverPort = FreePorts.next();
        portus = PortusProcess.builder("catalog-builtin").auth("token")
                .env("PORTUS_MACHINE_FQDN", "127.0.0.1")
                .env("PORTUS_PORTUS_PASSWORD", "portus-" + PASSWORD)
                .env("ENDPOINT_NAME", "it-receiver")
                .env("ENDPOINT_URL", "http://127.0.0.1:" + receiverPort + "/events")
                .env("ENDPOINT_THRESHOLD", "2")
                .env("ENDPOINT_BACKOFF", "300ms")
                .start();
        api = new CatalogApi(portus.baseUri().toString());
        api.bootstrap("admin", PASSWORD);
        skopeo = new Skopeo(ItPaths.newWorkDir("catalog-builtin-skopeo")).withCreds("admin:" + PASSWORD);
    }

    @AfterAll
    void stop() {
        if (portus != null) {
            portus.close();
        }
    }

    String dest(String ref) {
        return "docker://" + portus.hostPort() + "/" + ref;
    }

    @Test
    @Order(1)
    void pushedImagesAppearWithSizePlatformsAndAuthor() {
        String single = skopeo.copy(images.ref("busybox"), dest("lib/busybox:1.0"));
        String oci = skopeo.copy(images.ref("multiarch"), dest("lib/multi:oci"), "--all");
        String docker = skopeo.copy(images.ref("multiarch-docker"), dest("lib/multi:docker"), "--all");

        JsonNode busybox = CatalogApi.tag(api.awaitRepository("lib/busybox", t -> CatalogApi.tag(t, "1.0") != null), "1.0");
        assertThat(busybox.path("digest").asString()).isEqualTo(single);
        assertThat(busybox.path("size").asLong()).isEqualTo(ImageSizes.ofOci(images.path("busybox")).total());
        assertThat(busybox.path("author").path("name").asString()).isEqualTo("admin");
        assertThat(busybox.path("platforms").size()).isZero();

        JsonNode multi = api.awaitRepository("lib/multi", t -> CatalogApi.names(t).containsAll(List.of("oci", "docker")));
        JsonNode ociTag = CatalogApi.tag(multi, "oci");
        ImageSizes.Sizes ociSizes = ImageSizes.ofOci(images.path("multiarch"));
        assertThat(ociTag.path("digest").asString()).isEqualTo(oci);
        assertThat(ociTag.path("media_type").asString()).isEqualTo("application/vnd.oci.image.index.v1+json");
        assertThat(ociTag.path("size").asLong()).isEqualTo(ociSizes.total());
        assertThat(platforms(ociTag)).containsExactlyInAnyOrder("linux/amd64", "linux/arm64/v8", "linux/arm/v7");
        assertThat(sizes(ociTag)).isEqualTo(ociSizes.children());
        JsonNode dockerTag = CatalogApi.tag(multi, "docker");
        ImageSizes.Sizes dockerSizes = ImageSizes.ofDir(images.path("multiarch-docker"));
        assertThat(dockerTag.path("digest").asString()).isEqualTo(docker);
        assertThat(dockerTag.path("media_type").asString())
                .isEqualTo("application/vnd.docker.distribution.manifest.list.v2+json");
        assertThat(dockerTag.path("size").asLong()).isEqualTo(dockerSizes.total());
        assertThat(sizes(dockerTag)).isEqualTo(dockerSizes.children());
        assertThat(dockerTag.path("author").path("name").asString()).isEqualTo("admin");
    }

    @Test
    @Order(2)
    void aKillRightAfterAPushLosesNothing() {
        String digest = skopeo.copy(images.ref("busybox"), dest("lib/killed:1"), "--format", "v2s2");
        portus.kill9();
        portus.restart();
        JsonNode tag = CatalogApi.tag(api.awaitRepository("lib/killed", t -> CatalogApi.tag(t, "1") != null), "1");
        assertThat(tag.path("digest").asString()).isEqualTo(digest);
        assertThat(tag.path("media_type").asString()).isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
    }

    @Test
    @Order(3)
    void notificationsReachAReceiverThatWasDownAcrossARestart() throws Exception {
        portus.stop();
        portus.restart();
        try (EventReceiver receiver = new EventReceiver(receiverPort)) {
            Set<String> expected = Set.of("lib/busybox:1.0", "lib/multi:oci", "lib/multi:docker");
            long deadline = System.nanoTime() + 90_000_000_000L;
            Set<String> seen = new TreeSet<>();
            while (System.nanoTime() < deadline && !seen.containsAll(expected)) {
                for (JsonNode e : receiver.events()) {
                    if ("push".equals(e.path("action").asString()) && e.path("target").has("tag")) {
                        seen.add(e.path("target").path("repository").asString() + ":" + e.path("target").path("tag").asString());
                    }
                }
                ServerProcess.sleep(200);
            }
            assertThat(seen).containsAll(expected);
            assertThat(receiver.contentTypes()).allMatch(t -> t.startsWith("application/vnd.docker.distribution.events.v1+json"));
            List<String> ids = receiver.events().stream().map(e -> e.path("id").asString()).toList();
            assertThat(ids).doesNotContain("");
        }
    }

    @Test
    @Order(4)
    void aTagDeleteGoesThroughTheStorageAndTheCatalog() {
        String bot = api.createUser("viewerbot", PASSWORD, true);
        JsonNode repo = api.repository("lib/busybox").orElseThrow();
        long tagId = CatalogApi.tag(api.send("GET", "/api/v1/repositories/" + repo.path("id").asLong() + "/tags",
                api.admin, null).json(), "1.0").path("id").asLong();
        assertThat(api.send("DELETE", "/api/v1/tags/" + tagId, bot, null).status()).isEqualTo(403);
        assertThat(api.send("DELETE", "/api/v1/tags/" + tagId, api.admin, null).status()).isEqualTo(204);
        assertThat(skopeo.run(List.of("inspect", "--tls-verify=false", "--creds", "admin:" + PASSWORD,
                "--raw", dest("lib/busybox:1.0"))).ok()).isFalse();
        assertThat(api.repository("lib/busybox")).isEmpty();
    }

    private static List<String> platforms(JsonNode tag) {
        return tag.path("platforms").valueStream().map(p -> p.path("os").asString() + "/"
                + p.path("architecture").asString() + (p.path("variant").isMissingNode() || p.path("variant").isNull()
                ? "" : "/" + p.path("variant").asString())).toList();
    }

    private static List<Long> sizes(JsonNode tag) {
        return tag.path("platforms").valueStream().map(p -> p.path("size").asLong()).toList();
    }
}
