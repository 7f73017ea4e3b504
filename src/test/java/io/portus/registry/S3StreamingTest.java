package io.portus.registry;

import java.util.Arrays;

import io.portus.storage.Digest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code REGISTRY_STORAGE_REDIRECT_DISABLE=true} blob bytes stream from S3 through the registry, ranges too. */
class S3StreamingTest extends S3RegistryTestBase {

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        s3(registry, S3StreamingTest.class);
        registry.add("portus.registry.storage.redirect.disable", () -> "true");
    }

    @Test
    void blobsAndRangesStreamThroughTheRegistry() {
        byte[] content = new byte[300_000];
        new java.util.Random(3).nextBytes(content);
        Digest digest = client.pushBlob("s3/stream", content);

        Response get = client.get("/v2/s3/stream/blobs/" + digest);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.header("Location")).isNull();
        assertThat(get.body()).isEqualTo(content);

        Response range = client.get("/v2/s3/stream/blobs/" + digest, "Range", "bytes=1000-1999");
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(content, 1000, 2000));
        assertThat(range.header("Content-Range")).isEqualTo("bytes 1000-1999/300000");
    }

    @Test
    void aChunkedUploadOnS3ResumesAndCommits() {
        byte[] content = new byte[6 * 1024 * 1024 + 17];
        new java.util.Random(5).nextBytes(content);
        String location = client.startUpload("s3/chunked");
        int half = content.length / 2;
        Response first = client.patch(location, Arrays.copyOfRange(content, 0, half),
                "Content-Type", RegistryClient.OCTET, "Content-Range", "0-" + (half - 1));
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.header("Range")).isEqualTo("0-" + (half - 1));
        Response status = client.get(first.header("Location"));
        assertThat(status.header("Range")).isEqualTo("0-" + (half - 1));
        Response second = client.patch(first.header("Location"), Arrays.copyOfRange(content, half, content.length),
                "Content-Type", RegistryClient.OCTET, "Content-Range", half + "-" + (content.length - 1));
        assertThat(second.status()).isEqualTo(202);
        Digest digest = Digest.sha256(content);
        Response put = client.put(RegistryClient.withQuery(second.header("Location"), "digest=" + digest), new byte[0]);
        assertThat(put.status()).isEqualTo(201);
        assertThat(client.get("/v2/s3/chunked/blobs/" + digest).body()).isEqualTo(content);
    }
}
