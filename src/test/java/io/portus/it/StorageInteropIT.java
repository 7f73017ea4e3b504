package io.portus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our filesystem storage and CNCF distribution 2.8's are the same format, both ways: what one wrote
 * into a directory the other serves byte for byte (same catalog, tags and digests; pulls identical).
 */
class StorageInteropIT {

    static TestImages images;

    /** What each test pushes: repository:tag -> (skopeo source, flags). Nested names and shared blobs included. */
    record Push(String repoTag, String image, String... flags) {
    }

    static final List<Push> PUSHES = List.of(
            new Push("interop/busybox:oci", "busybox", "--preserve-digests"),
            new Push("interop/busybox:again", "busybox", "--preserve-digests"),
            new Push("interop/busybox:v2s2", "busybox", "--format", "v2s2"),
            new Push("interop/multi:oci", "multiarch", "--all", "--preserve-digests"),
            new Push("interop/multi:docker", "multiarch-docker", "--all", "--preserve-digests"),
            new Push("interop/deep/nested/rand8:1", "rand-8layers", "--preserve-digests"));

    @BeforeAll
    static void images() {
        images = TestImages.get("busybox", "rand-8layers", "multiarch", "multiarch-docker");
    }

    @Test
    void directoryWrittenByDistributionIsServedByOurs() {
        Path work = ItPaths.newWorkDir("interop-dist-to-ours");
        Path storage = work.resolve("storage");
        Skopeo skopeo = new Skopeo(work.resolve("skopeo"));
        Written written;
        try (DistributionProcess dist = DistributionProcess.builder("interop-writer-dist", storage).start()) {
            written = push(skopeo, dist);
        }
        try (RegistryServer ours = Registries.ours("interop-reader-ours", storage)) {
            assertServes(skopeo, ours, written, work.resolve("pulled"));
        }
    }

    @Test
    void directoryWrittenByOursIsServedByDistribution() {
        Path work = ItPaths.newWorkDir("interop-ours-to-dist");
        Path storage = work.resolve("storage");
        Skopeo skopeo = new Skopeo(work.resolve("skopeo"));
        Written written;
        try (RegistryServer ours = Registries.ours("interop-writer-ours", storage)) {
            written = push(skopeo, ours);
            // a delete must be recorded so that distribution sees it too
            skopeo.copy(images.ref("rand-8layers"), ref(ours, "interop/gone:1"), "--preserve-digests");
            skopeo.delete(ref(ours, "interop/gone:1"));
        }
        try (DistributionProcess dist = DistributionProcess.builder("interop-reader-dist", storage).start()) {
            assertServes(skopeo, dist, written, work.resolve("pulled"));
            assertThatThrownBy(() -> skopeo.inspectRaw(ref(dist, "interop/gone:1")))
                    .hasMessageContaining("manifest unknown");
        }
    }

    /** Digests by repository:tag, tags by repository, and the catalog, as the writer served them. */
    record Written(Map<String, String> digests, Map<String, TreeSet<String>> tags, List<String> catalog) {
    }

    static Written push(Skopeo skopeo, RegistryServer writer) {
        Map<String, String> digests = new LinkedHashMap<>();
        for (Push p : PUSHES) {
            String d = skopeo.copy(images.ref(p.image()), ref(writer, p.repoTag()), p.flags());
            assertThat(Digests.sha256(skopeo.inspectRaw(ref(writer, p.repoTag())))).isEqualTo(d);
            digests.put(p.repoTag(), d);
        }
        Map<String, TreeSet<String>> tags = new TreeMap<>();
        for (String repoTag : digests.keySet()) {
            String repo = repo(repoTag);
            tags.computeIfAbsent(repo, r -> new TreeSet<>(skopeo.listTags(ref(writer, r))));
        }
        return new Written(digests, tags, sortedCatalog(writer));
    }

    static void assertServes(Skopeo skopeo, RegistryServer reader, Written w, Path pullDir) {
        assertThat(sortedCatalog(reader)).as("catalog served by %s", reader).containsAll(w.catalog())
                .containsAll(w.tags().keySet());
        w.tags().forEach((repo, tags) ->
                assertThat(new TreeSet<>(skopeo.listTags(ref(reader, repo)))).as("tags of %s", repo).isEqualTo(tags));
        int i = 0;
        for (Push p : PUSHES) {
            String digest = w.digests().get(p.repoTag());
            String repoTag = p.repoTag();
            assertThat(Digests.sha256(skopeo.inspectRaw(ref(reader, repoTag)))).as("manifest bytes of %s", repoTag)
                    .isEqualTo(digest);
            assertThat(Digests.sha256(skopeo.inspectRaw(ref(reader, repo(repoTag) + "@" + digest))))
                    .isEqualTo(digest);
            Path pulled = pullDir.resolve("p" + i++);
            boolean all = List.of(p.flags()).contains("--all");
            if (all) {
                skopeo.copy(ref(reader, repoTag), "dir:" + pulled, "--all", "--preserve-digests");
            } else {
                skopeo.copy(ref(reader, repoTag), "dir:" + pulled, "--preserve-digests");
            }
            assertThat(Layouts.dirTopDigest(pulled)).as("pulled %s", repoTag).isEqualTo(digest);
            TreeSet<String> sourceBlobs = new TreeSet<>(p.image().endsWith("-docker")
                    ? Layouts.dirBlobs(images.path(p.image())) : Layouts.ociBlobs(images.path(p.image())));
            assertThat(sourceBlobs).as("every pulled blob of %s is one of the source's, identical", repoTag)
                    .containsAll(Layouts.dirBlobs(pulled));
        }
    }

    static List<String> sortedCatalog(RegistryServer r) {
        try {
            return new RegistryHttp(r.baseUri()).catalog().stream().sorted().toList();
        } catch (Exception e) {
            throw new AssertionError("catalog of " + r + ": " + e, e);
        }
    }

    static String repo(String repoTag) {
        return repoTag.substring(0, repoTag.lastIndexOf(':'));
    }

    static String ref(RegistryServer r, String repoTagOrDigest) {
        return "docker://" + r.hostPort() + "/" + repoTagOrDigest;
    }
}
