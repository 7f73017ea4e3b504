package io.portus.registry;

import java.util.List;

import io.portus.storage.Digest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Conformance "pull": base, blobs and manifests by tag and digest, with their headers. */
class PullTest extends RegistryTestBase {

    private static final String REPO = "pull/test";
    private Content.Image image0;

    @BeforeEach
    void setUp() {
        image0 = Content.pushImage(client, REPO, "tagtest0");
    }

    @Test
    void baseAnswers200WithEmptyJsonObject() {
        Response r = client.get("/v2/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("{}");
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(client.get("/v2").status()).isEqualTo(200);
        assertThat(client.head("/v2/").status()).isEqualTo(200);
    }

    @Test
    void missingBlobIs404BlobUnknown() {
        String missing = "/v2/" + REPO + "/blobs/" + Digest.sha256("nope".getBytes());
        Response head = client.head(missing);
        assertThat(head.status()).isEqualTo(404);
        assertThat(head.body()).isEmpty();
        Response get = client.get(missing);
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.errorCode()).isEqualTo("BLOB_UNKNOWN");
    }

    @Test
    void existingBlobHeadAndGet() {
        String path = "/v2/" + REPO + "/blobs/" + image0.layer();
        Response head = client.head(path);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo("1000");
        assertThat(head.header("Docker-Content-Digest")).isEqualTo(image0.layer().toString());
        assertThat(head.header("ETag")).isEqualTo("\"" + image0.layer() + "\"");
        assertThat(head.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(head.body()).isEmpty();
        Response get = client.get(path);
        assertThat(get.status()).isEqualTo(200);
        assertThat(Digest.sha256(get.body())).isEqualTo(image0.layer());
        assertThat(get.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(get.header("Docker-Content-Digest")).isEqualTo(image0.layer().toString());
    }

    @Test
    void blobOfAnotherRepositoryIsNotVisible() {
        Response r = client.get("/v2/pull/other/blobs/" + image0.layer());
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("BLOB_UNKNOWN");
    }

    @Test
    void invalidManifestNameIs404() {
        Response head = client.head("/v2/" + REPO + "/manifests/.INVALID_MANIFEST_NAME", RegistryClient.ACCEPT);
        assertThat(head.status()).isEqualTo(404);
        Response get = client.get("/v2/" + REPO + "/manifests/.INVALID_MANIFEST_NAME", RegistryClient.ACCEPT);
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.errorCode()).isEqualTo("MANIFEST_UNKNOWN");
    }

    @Test
    void manifestByTagAndDigestServesTheExactBytesAndHeaders() {
        Digest second = client.pushManifest(REPO, image0.digest().toString(), Content.OCI_MANIFEST, image0.manifest());
        assertThat(second).isEqualTo(image0.digest());
        for (String ref : List.of("tagtest0", image0.digest().toString())) {
            String path = "/v2/" + REPO + "/manifests/" + ref;
            Response head = client.head(path, RegistryClient.ACCEPT);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Type")).isEqualTo(Content.OCI_MANIFEST);
            assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(image0.manifest().length));
            assertThat(head.header("Docker-Content-Digest")).isEqualTo(image0.digest().toString());
            assertThat(head.body()).isEmpty();
            Response get = client.get(path, RegistryClient.ACCEPT);
            assertThat(get.status()).isEqualTo(200);
            assertThat(get.body()).isEqualTo(image0.manifest());
            assertThat(get.header("Content-Type")).isEqualTo(Content.OCI_MANIFEST);
            assertThat(get.header("Docker-Content-Digest")).isEqualTo(image0.digest().toString());
            assertThat(get.header("ETag")).isEqualTo("\"" + image0.digest() + "\"");
        }
    }

    @Test
    void manifestWithoutAcceptIsServedAsStored() {
        Response get = client.get("/v2/" + REPO + "/manifests/tagtest0");
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.header("Content-Type")).isEqualTo(Content.OCI_MANIFEST);
        assertThat(get.body()).isEqualTo(image0.manifest());
    }

    @Test
    void ifNoneMatchGives304() {
        String path = "/v2/" + REPO + "/manifests/tagtest0";
        Response r = client.get(path, "If-None-Match", "\"" + image0.digest() + "\"");
        assertThat(r.status()).isEqualTo(304);
        assertThat(r.header("ETag")).isEqualTo("\"" + image0.digest() + "\"");
        assertThat(client.get(path, "If-None-Match", "\"sha256:other\"").status()).isEqualTo(200);
        Response blob = client.get("/v2/" + REPO + "/blobs/" + image0.layer(), "If-None-Match", "\"" + image0.layer() + "\"");
        assertThat(blob.status()).isEqualTo(304);
    }

    @Test
    void totallyWrongDigestReferenceIs400DigestInvalid() {
        Response r = client.get("/v2/" + REPO + "/manifests/sha256:totallywrong", RegistryClient.ACCEPT);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("DIGEST_INVALID");
        assertThat(r.json().path("errors").path(0).path("message").asString()).isNotBlank();
    }

    @Test
    void unknownTagAndDigestAre404ManifestUnknown() {
        assertThat(client.get("/v2/" + REPO + "/manifests/nosuchtag").errorCode()).isEqualTo("MANIFEST_UNKNOWN");
        Response r = client.get("/v2/" + REPO + "/manifests/" + Digest.sha256("x".getBytes()));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("MANIFEST_UNKNOWN");
        assertThat(client.get("/v2/never/pushed/manifests/latest").status()).isEqualTo(404);
    }

    @Test
    void manifestIsAlsoReadableAsABlobOfItsRepository() {
        Response r = client.get("/v2/" + REPO + "/blobs/" + image0.digest());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(image0.manifest());
    }

    @Test
    void largeBlobIsServedWholeAndInRanges() {
        byte[] big = Content.random(3 * 1024 * 1024 + 17);
        Digest digest = client.pushBlob(REPO, big);
        String path = "/v2/" + REPO + "/blobs/" + digest;
        Response whole = client.get(path);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(big);
        Response part = client.get(path, "Range", "bytes=1000000-2000000");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 1000000-2000000/" + big.length);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(big, 1_000_000, 2_000_001));
    }
}
