package io.portus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * skopeo (a real client, containers/image) pushes to and pulls from our registry: every kind of image,
 * byte-identical on the way back; tags list, delete, and cross-repository mounts.
 */
class RealClientsIT {

    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";

    static final String REQUESTS = "portus_registry_requests_seconds_count";
    static final String BYTES_IN = "portus_registry_bytes_in_total";

    static TestImages images;
    static RegistryServer registry;
    static final int METRICS_PORT = FreePorts.next();
    static final URI METRICS = URI.create("http://127.0.0.1:" + METRICS_PORT);
    static Skopeo skopeo;
    static Path work;

    @BeforeAll
    static void start() {
        images = TestImages.get("busybox", "rand-8layers", "multiarch", "multiarch-docker");
        work = ItPaths.newWorkDir("real-clients");
        skopeo = new Skopeo(work.resolve("skopeo"));
        // our jar serves its metrics on a management port of their own (on the main port they need an admin)
        registry = Registries.againstReference() ? Registries.ours("real-clients")
                : PortusProcess.builder("real-clients").env("MANAGEMENT_SERVER_PORT", Integer.toString(METRICS_PORT))
                        .env("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1").start();
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    String ref(String repoAndTag) {
        return "docker://" + registry.hostPort() + "/" + repoAndTag;
    }

    /** inspect --raw gives the exact bytes: their sha256 is the digest, and the media type is the pushed one. */
    void assertServedManifest(String repoAndTag, String digest, String mediaType) {
        byte[] raw = skopeo.inspectRaw(ref(repoAndTag));
        assertThat(Digests.sha256(raw)).as("sha256 of the manifest bytes served for %s", repoAndTag).isEqualTo(digest);
        assertThat(Json.parse(raw).path("mediaType").asString()).isEqualTo(mediaType);
        assertThat(skopeo.inspectRaw(ref(repoAndTag.replaceFirst(":[^:/]+$", "@" + digest))))
                .as("the same bytes by digest").isEqualTo(raw);
    }

    void pushAndPullOci(String image, String repo, String mediaType, String... flags) {
        String digest = skopeo.copy(images.ref(image), ref(repo + ":1"), flags);
        assertThat(digest).as("digest skopeo pushed").isEqualTo(images.digest(image));
        assertServedManifest(repo + ":1", digest, mediaType);
        if (!mediaType.equals(OCI_INDEX)) {
            assertThat(skopeo.inspectDigest(ref(repo + ":1"))).isEqualTo(digest);
        }
        Path pulled = work.resolve("pulled-" + image);
        skopeo.copy(ref(repo + ":1"), "oci:" + pulled + ":latest", flags);
        Layouts.assertSameOciImage(pulled, images.path(image));
    }

    @Test
    void singleLayerOciImageRoundTripsByteIdentical() {
        pushAndPullOci("busybox", "real/busybox", OCI_MANIFEST, "--preserve-digests");
    }

    @Test
    void multiLayerOciImageRoundTripsByteIdentical() {
        pushAndPullOci("rand-8layers", "real/deep/rand8", OCI_MANIFEST, "--preserve-digests");
    }

    @Test
    void ociIndexWithAllPlatformsRoundTripsByteIdentical() {
        pushAndPullOci("multiarch", "real/multiarch", OCI_INDEX, "--all", "--preserve-digests");
    }

    @Test
    void dockerSchema2ImageRoundTripsByteIdentical() {
        String digest = skopeo.copy(images.ref("busybox"), ref("real/v2s2:1"), "--format", "v2s2");
        assertThat(digest).startsWith("sha256:").isNotEqualTo(images.digest("busybox"));
        assertServedManifest("real/v2s2:1", digest, DOCKER_MANIFEST);
        Path pulled = work.resolve("pulled-v2s2");
        skopeo.copy(ref("real/v2s2:1"), "dir:" + pulled, "--preserve-digests");
        assertThat(Layouts.dirTopDigest(pulled)).isEqualTo(digest);
        Set<String> expected = new TreeSet<>(Layouts.ociBlobs(images.path("busybox")));
        expected.remove(images.digest("busybox"));   // the OCI manifest; layer and config stay the same bytes
        assertThat(Layouts.dirBlobs(pulled)).isEqualTo(expected);
    }

    @Test
    void dockerManifestListRoundTripsByteIdentical() {
        String digest = skopeo.copy(images.ref("multiarch-docker"), ref("real/list:1"), "--all", "--preserve-digests");
        assertThat(digest).isEqualTo(images.digest("multiarch-docker"));
        assertServedManifest("real/list:1", digest, DOCKER_LIST);
        Path pulled = work.resolve("pulled-list");
        skopeo.copy(ref("real/list:1"), "dir:" + pulled, "--all", "--preserve-digests");
        assertThat(Layouts.dirTopDigest(pulled)).isEqualTo(digest);
        assertThat(Layouts.dirBlobs(pulled)).isEqualTo(Layouts.dirBlobs(images.path("multiarch-docker")));
    }

    @Test
    void listTagsShowsEveryTagInLexicalOrder() {
        for (String tag : List.of("v2", "latest", "1.0", "v10")) {
            skopeo.copy(images.ref("busybox"), ref("real/tags:" + tag), "--preserve-digests");
        }
        List<String> tags = skopeo.listTags(ref("real/tags"));
        assertThat(tags).containsExactlyInAnyOrder("1.0", "latest", "v10", "v2");
        if (!Registries.againstReference()) {   // distribution 2.8 lists in directory order
            assertThat(tags).containsExactly("1.0", "latest", "v10", "v2");
        }
    }

    @Test
    void deleteRemovesTheManifestAndEveryTagPointingToIt() {
        skopeo.copy(images.ref("busybox"), ref("real/del:a"), "--preserve-digests");
        skopeo.copy(images.ref("busybox"), ref("real/del:b"), "--preserve-digests");
        skopeo.copy(images.ref("rand-8layers"), ref("real/del:other"), "--preserve-digests");

        skopeo.delete(ref("real/del:a"));

        for (String gone : List.of("real/del:a", "real/del:b", "real/del@" + images.digest("busybox"))) {
            assertThatThrownBy(() -> skopeo.inspectRaw(ref(gone))).as(gone)
                    .isInstanceOf(AssertionError.class).hasMessageContaining("manifest unknown");
        }
        assertThat(Digests.sha256(skopeo.inspectRaw(ref("real/del:other")))).isEqualTo(images.digest("rand-8layers"));
        assertThat(skopeo.listTags(ref("real/del"))).containsExactly("other");
    }

    /**
     * The second push of an image to another repository of the same registry is a cross-repository mount:
     * skopeo asks {@code POST ?mount=&from=} for every layer its blob-info cache knows a location of, the
     * registry answers 201, and no layer is uploaded again.
     * <p>
     * skopeo 1.9 (containers/image 5.23, boltdb cache) now and then offers no candidate for one layer it
     * uploaded a moment before (seen in CI: 7 of 8 layers tried; its cache records are written after the
     * upload, errors ignored), and then uploads that layer: that is the client's choice, not a refused mount.
     * So the test copies to fresh repositories until one copy has skopeo try a mount for every layer (each
     * copy teaches its cache the layers it uploaded), at most three times, and holds that copy to the
     * server-side proof: every mount answered 201, none of the 32 MiB received, no layer uploaded.
     */
    @Test
    void secondCopyToAnotherRepositoryMountsInsteadOfUploading() throws Exception {
        Skopeo fresh = new Skopeo(work.resolve("skopeo-mount"));
        String image = "rand-8layers";
        List<String> layers = layerDigests(images.path(image));
        assertThat(layers).hasSize(8);
        Skopeo.CopyResult first = fresh.copyResult(images.ref(image), ref("real/mount-src:1"),
                "--preserve-digests", "--debug");
        Files.writeString(work.resolve("mount-0.log"), first.result().stderr());

        String log = null;
        String dest = null;
        double bytesIn = 0;
        double posts201 = -1;
        for (int attempt = 1; attempt <= 3; attempt++) {
            dest = "real/mount-dst" + attempt;
            Prometheus before = Registries.againstReference() ? null : Prometheus.scrape(METRICS);
            Skopeo.CopyResult copy = fresh.copyResult(images.ref(image), ref(dest + ":1"), "--preserve-digests", "--debug");
            log = copy.result().stderr();
            Files.writeString(work.resolve("mount-" + attempt + ".log"), log);
            if (before != null) {   // our jar also tells it: what came in during this copy
                // a request is counted just after its response went out: give the last one a moment to land
                Thread.sleep(500);
                Prometheus after = Prometheus.scrape(METRICS);
                posts201 = after.sum(REQUESTS, Map.of("method", "POST", "status", "201"))
                        - before.sum(REQUESTS, Map.of("method", "POST", "status", "201"));
                bytesIn = after.sum(BYTES_IN, Map.of()) - before.sum(BYTES_IN, Map.of());
            }
            String copyLog = log;
            if (layers.stream().allMatch(l -> copyLog.contains("mount=" + l.replace(":", "%3A")))) {
                break;
            }
        }

        for (String layer : layers) {
            String encoded = "mount=" + layer.replace(":", "%3A");
            assertThat(log).as("skopeo asked to mount %s (in three copies, its cache never offered it)\n%s", layer, log)
                    .contains(encoded);
            assertThat(log).as("layer %s uploaded instead of mounted\n%s", layer, log)
                    .doesNotContain("Upload of layer " + layer).doesNotContain("digest=" + layer.replace(":", "%3A"));
        }
        assertThat(log.split("mount OK", -1).length - 1).as("mounts the registry acknowledged with 201\n%s", log)
                .isEqualTo(layers.size());
        if (!Registries.againstReference()) {   // none of the 32 MiB came in again
            assertThat(bytesIn).as("bytes received by the registry during the mounting copy (POSTs answered 201: %s)",
                    posts201).isLessThan(64 * 1024.0);
        }

        RegistryHttp http = new RegistryHttp(registry.baseUri());
        for (String layer : layers) {
            HttpResponse<byte[]> r = http.get("/v2/" + dest + "/blobs/" + layer);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(Digests.sha256(r.body())).isEqualTo(layer);
        }
        assertThat(Digests.sha256(fresh.inspectRaw(ref(dest + ":1")))).isEqualTo(images.digest(image));
    }

    static List<String> layerDigests(Path ociLayout) {
        String manifest = Layouts.ociTopDigest(ociLayout);
        byte[] bytes = Layouts.read(ociLayout.resolve("blobs/sha256/" + manifest.substring("sha256:".length())));
        return Json.parse(bytes).path("layers").valueStream().map(l -> l.path("digest").asString()).toList();
    }
}
