package io.portus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.portus.support.S3Server;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Our S3 storage and CNCF distribution 2.8's s3 driver are the same format, both ways, on one bucket and
 * root directory of the shared S3 server: what one pushed the other serves byte for byte (catalog, tags,
 * digests, pulls), and the object keys are exactly {@code <rootdirectory>/docker/registry/v2/...}.
 * The pushes and checks are {@link StorageInteropIT}'s.
 */
class S3InteropIT {

    static S3Server s3;

    @BeforeAll
    static void start() {
        StorageInteropIT.images();
        s3 = S3Server.shared();
    }

    @Test
    void bucketWrittenByOursIsServedByDistribution() {
        Path work = ItPaths.newWorkDir("s3-interop-ours-to-dist");
        String bucket = s3.newBucket("interop-ours");
        String root = "/shared/root";
        Skopeo skopeo = new Skopeo(work.resolve("skopeo"));
        StorageInteropIT.Written written;
        try (PortusProcess ours = PortusProcess.builder("s3-interop-writer-ours").s3(s3, bucket, root, true).start()) {
            written = StorageInteropIT.push(skopeo, ours);
            skopeo.copy(StorageInteropIT.images.ref("rand-8layers"), StorageInteropIT.ref(ours, "interop/gone:1"),
                    "--preserve-digests");
            skopeo.delete(StorageInteropIT.ref(ours, "interop/gone:1"));
        }
        assertKeys(bucket, "shared/root/", written);
        try (DistributionProcess dist = DistributionProcess.builder("s3-interop-reader-dist", null)
                .s3(s3, bucket, root, true).start()) {
            StorageInteropIT.assertServes(skopeo, dist, written, work.resolve("pulled"));
            assertThatThrownBy(() -> skopeo.inspectRaw(StorageInteropIT.ref(dist, "interop/gone:1")))
                    .hasMessageContaining("manifest unknown");
        }
    }

    @Test
    void bucketWrittenByDistributionIsServedByOurs() {
        Path work = ItPaths.newWorkDir("s3-interop-dist-to-ours");
        String bucket = s3.newBucket("interop-dist");
        Skopeo skopeo = new Skopeo(work.resolve("skopeo"));
        StorageInteropIT.Written written;
        try (DistributionProcess dist = DistributionProcess.builder("s3-interop-writer-dist", null)
                .s3(s3, bucket, "", true).start()) {
            written = StorageInteropIT.push(skopeo, dist);
        }
        assertKeys(bucket, "", written);
        try (PortusProcess ours = PortusProcess.builder("s3-interop-reader-ours").s3(s3, bucket, "", true).start()) {
            StorageInteropIT.assertServes(skopeo, ours, written, work.resolve("pulled"));
        }
    }

    /**
     * Every key of the bucket is under {@code <prefix>docker/registry/v2/} (prefix: the root directory without
     * its leading slash); every pushed manifest is a blob {@code blobs/sha256/<2>/<hex>/data} and every tag
     * a {@code _manifests/tags/<tag>/current/link} holding its digest.
     */
    static void assertKeys(String bucket, String prefix, StorageInteropIT.Written written) {
        Set<String> keys = new TreeSet<>();
        try (S3Client client = s3.client()) {
            client.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).forEach(keys::add);
        }
        String v2 = prefix + "docker/registry/v2/";
        assertThat(keys).as("keys of bucket %s", bucket).isNotEmpty().allMatch(k -> k.startsWith(v2));
        written.digests().forEach((repoTag, digest) -> {
            String hex = digest.substring("sha256:".length());
            String repo = StorageInteropIT.repo(repoTag);
            String tag = repoTag.substring(repo.length() + 1);
            assertThat(keys).as("keys of %s", repoTag).contains(
                    v2 + "blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data",
                    v2 + "repositories/" + repo + "/_manifests/revisions/sha256/" + hex + "/link",
                    v2 + "repositories/" + repo + "/_manifests/tags/" + tag + "/current/link",
                    v2 + "repositories/" + repo + "/_manifests/tags/" + tag + "/index/sha256/" + hex + "/link");
        });
        assertThat(keys).as("no upload session is left once every push finished")
                .noneMatch(k -> k.contains("/_uploads/"));
        assertThat(List.copyOf(keys)).noneMatch(k -> k.endsWith("/"));
    }
}
