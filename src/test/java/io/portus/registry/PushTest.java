package io.portus.registry;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Arrays;

import io.portus.storage.Digest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Conformance "push" for blobs: streamed, monolithic, POST-with-digest, chunked with 416s, mount. */
class PushTest extends RegistryTestBase {

    private static final String REPO = "push/test";
    private static final String CROSS = "push/cross";

    @Test
    void postStartsASessionWithLocationUuidAndRange() {
        Response r = client.post("/v2/" + REPO + "/blobs/uploads/", new byte[0]);
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.header("Location")).startsWith("/v2/" + REPO + "/blobs/uploads/");
        assertThat(r.header("Docker-Upload-UUID")).isNotBlank();
        assertThat(r.header("Location")).endsWith(r.header("Docker-Upload-UUID"));
        assertThat(r.header("Range")).isEqualTo("0-0");
        assertThat(r.header("Content-Length")).isEqualTo("0");
        assertThat(client.post("/v2/" + REPO + "/blobs/uploads", new byte[0]).status()).isEqualTo(202);
    }

    @Test
    void streamedPatchThenPutClosesTheUpload() {
        byte[] blob = Content.random(42);
        Digest digest = Digest.sha256(blob);
        String location = client.startUpload(REPO);
        Response patch = client.patch(location, blob, "Content-Type", RegistryClient.OCTET);
        assertThat(patch.status()).isEqualTo(202);
        assertThat(patch.header("Range")).isEqualTo("0-41");
        assertThat(patch.header("Location")).isNotBlank();
        Response put = client.put(RegistryClient.withQuery(patch.header("Location"), "digest=" + digest), new byte[0],
                "Content-Type", RegistryClient.OCTET);
        assertThat(put.status()).isEqualTo(201);
        assertThat(put.header("Location")).isEqualTo("/v2/" + REPO + "/blobs/" + digest);
        assertThat(put.header("Docker-Content-Digest")).isEqualTo(digest.toString());
        assertThat(client.get(put.header("Location")).body()).isEqualTo(blob);
    }

    @Test
    void streamedPatchesWithChunkedTransferEncodingAppend() {
        byte[] blob = Content.random(300_000);
        String location = client.startUpload(REPO);
        Response first = client.send("PATCH", location,
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(blob, 0, 100_000)), "Content-Type", RegistryClient.OCTET);
        assertThat(first.header("Range")).isEqualTo("0-99999");
        Response second = client.send("PATCH", first.header("Location"),
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(blob, 100_000, 200_000)));
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.header("Range")).isEqualTo("0-299999");
        Digest digest = Digest.sha256(blob);
        Response put = client.put(RegistryClient.withQuery(second.header("Location"), "digest=" + digest), new byte[0]);
        assertThat(put.status()).isEqualTo(201);
        assertThat(client.get("/v2/" + REPO + "/blobs/" + digest).body()).isEqualTo(blob);
    }

    @Test
    void missingBlobBeforePushIs404() {
        assertThat(client.get("/v2/" + REPO + "/blobs/" + Digest.sha256(Content.random(10))).status()).isEqualTo(404);
    }

    @Test
    void postWithDigestAndBodyIsAMonolithicUpload() {
        byte[] blob = Content.random(4096);
        Digest digest = Digest.sha256(blob);
        Response r = client.post("/v2/" + REPO + "/blobs/uploads/?digest=" + digest, blob, "Content-Type", RegistryClient.OCTET);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Location")).isEqualTo("/v2/" + REPO + "/blobs/" + digest);
        assertThat(r.header("Docker-Content-Digest")).isEqualTo(digest.toString());
        assertThat(client.get(r.header("Location")).body()).isEqualTo(blob);
    }

    @Test
    void postWithWrongDigestIs400AndStoresNothing() {
        byte[] blob = Content.random(100);
        Digest other = Digest.sha256("other".getBytes());
        Response r = client.post("/v2/" + REPO + "/blobs/uploads/?digest=" + other, blob, "Content-Type", RegistryClient.OCTET);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("DIGEST_INVALID");
        assertThat(client.head("/v2/" + REPO + "/blobs/" + other).status()).isEqualTo(404);
    }

    @Test
    void monolithicPutWithUrlEncodedDigestAndExtraParameters() {
        byte[] blob = Content.random(2048);
        Digest digest = Digest.sha256(blob);
        String location = client.startUpload(REPO);
        String url = RegistryClient.withQuery(location, "_state=opaque%2Fvalue&foo");
        Response r = client.put(RegistryClient.withQuery(url, "digest=" + digest.toString().replace(":", "%3A")), blob,
                "Content-Type", RegistryClient.OCTET);
        assertThat(r.status()).isEqualTo(201);
        assertThat(client.get("/v2/" + REPO + "/blobs/" + digest).status()).isEqualTo(200);
    }

    @Test
    void formEncodedContentTypeDoesNotEatTheBody() {
        byte[] blob = "a=b&c=d".getBytes();
        Digest digest = Digest.sha256(blob);
        String location = client.startUpload(REPO);
        Response patch = client.patch(location, blob, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(patch.header("Range")).isEqualTo("0-6");
        Response put = client.put(RegistryClient.withQuery(patch.header("Location"), "digest=" + digest), new byte[0],
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(put.status()).isEqualTo(201);
        byte[] blob2 = "x=y".getBytes();
        Digest digest2 = Digest.sha256(blob2);
        Response put2 = client.put(RegistryClient.withQuery(client.startUpload(REPO), "digest=" + digest2), blob2,
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(put2.status()).isEqualTo(201);
        assertThat(client.get("/v2/" + REPO + "/blobs/" + digest2).body()).isEqualTo(blob2);
    }

    @Test
    void chunkedUploadOf42BytesIn22And20WithOutOfOrderChunksRefused() {
        byte[] blob = Content.random(42);
        byte[] chunk1 = Arrays.copyOfRange(blob, 0, 22);
        byte[] chunk2 = Arrays.copyOfRange(blob, 22, 42);
        Digest digest = Digest.sha256(blob);
        String location = client.startUpload(REPO);

        Response early = client.patch(location, chunk2, "Content-Type", RegistryClient.OCTET, "Content-Range", "22-41");
        assertThat(early.status()).isEqualTo(416);
        assertThat(early.errorCode()).isEqualTo("RANGE_INVALID");
        assertThat(early.header("Range")).isEqualTo("0-0");
        assertThat(early.header("Location")).isEqualTo(location);

        Response first = client.patch(location, chunk1, "Content-Type", RegistryClient.OCTET, "Content-Range", "0-21");
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.header("Range")).isEqualTo("0-21");
        assertThat(first.header("Location")).isNotBlank();

        Response again = client.patch(location, chunk1, "Content-Type", RegistryClient.OCTET, "Content-Range", "0-21");
        assertThat(again.status()).isEqualTo(416);
        assertThat(again.header("Range")).isEqualTo("0-21");

        Response status = client.get(location);
        assertThat(status.status()).isEqualTo(204);
        assertThat(status.header("Location")).isNotBlank();
        assertThat(status.header("Range")).isEqualTo("0-21");
        assertThat(status.header("Docker-Upload-UUID")).isNotBlank();

        Response second = client.patch(first.header("Location"), chunk2, "Content-Type", RegistryClient.OCTET,
                "Content-Range", "22-41");
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.header("Range")).isEqualTo("0-41");
        assertThat(second.header("Location")).isNotBlank();

        Response put = client.put(RegistryClient.withQuery(second.header("Location"), "digest=" + digest), new byte[0],
                "Content-Type", RegistryClient.OCTET);
        assertThat(put.status()).isEqualTo(201);
        assertThat(put.header("Location")).isEqualTo("/v2/" + REPO + "/blobs/" + digest);
        assertThat(client.get(put.header("Location")).body()).isEqualTo(blob);
    }

    @Test
    void finalChunkMayRideOnTheClosingPutWithContentRange() {
        byte[] blob = Content.random(1000);
        Digest digest = Digest.sha256(blob);
        String location = client.startUpload(REPO);
        Response first = client.patch(location, Arrays.copyOfRange(blob, 0, 600), "Content-Range", "0-599");
        assertThat(first.status()).isEqualTo(202);
        Response gap = client.put(RegistryClient.withQuery(first.header("Location"), "digest=" + digest),
                Arrays.copyOfRange(blob, 601, 1000), "Content-Range", "601-999");
        assertThat(gap.status()).isEqualTo(416);
        assertThat(gap.header("Range")).isEqualTo("0-599");
        Response put = client.put(RegistryClient.withQuery(first.header("Location"), "digest=" + digest),
                Arrays.copyOfRange(blob, 600, 1000), "Content-Range", "600-999", "Content-Type", RegistryClient.OCTET);
        assertThat(put.status()).isEqualTo(201);
        assertThat(client.get("/v2/" + REPO + "/blobs/" + digest).body()).isEqualTo(blob);
    }

    @Test
    void malformedContentRangeIs416AndTheSessionStaysUsable() {
        String location = client.startUpload(REPO);
        for (String bad : new String[] {"bytes 0-9", "bytes=0-9", "0-", "-9", "9-0", "a-b", "0-99999999999999999999"}) {
            Response r = client.patch(location, new byte[10], "Content-Range", bad);
            assertThat(r.status()).as(bad).isEqualTo(416);
            assertThat(r.header("Range")).isEqualTo("0-0");
        }
        Response lengthMismatch = client.patch(location, new byte[10], "Content-Range", "0-4");
        assertThat(lengthMismatch.status()).isEqualTo(416);
        Response ok = client.patch(location, new byte[10], "Content-Range", "0-9");
        assertThat(ok.status()).isEqualTo(202);
        assertThat(ok.header("Range")).isEqualTo("0-9");
    }

    @Test
    void putWithWrongDigestIs400AndCancelsTheSession() {
        String location = client.startUpload(REPO);
        Response patch = client.patch(location, Content.random(50));
        Response put = client.put(RegistryClient.withQuery(patch.header("Location"), "digest=" + Digest.sha256(new byte[1])),
                new byte[0]);
        assertThat(put.status()).isEqualTo(400);
        assertThat(put.errorCode()).isEqualTo("DIGEST_INVALID");
        assertThat(client.get(location).status()).isEqualTo(404);
    }

    @Test
    void putWithoutOrWithMalformedDigestIs400DigestInvalid() {
        String location = client.startUpload(REPO);
        client.patch(location, Content.random(10));
        Response missing = client.put(location, new byte[0]);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("DIGEST_INVALID");
        for (String bad : new String[] {"sha256:abc", "md5:d41d8cd98f00b204e9800998ecf8427e", "nonsense", "",
                "sha256:" + "A".repeat(64), "sha256%253A00"}) {
            Response r = client.put(RegistryClient.withQuery(location, "digest=" + bad), new byte[0]);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.errorCode()).as(bad).isEqualTo("DIGEST_INVALID");
        }
        assertThat(client.get(location).status()).as("session survives malformed digests").isEqualTo(204);
    }

    @Test
    void unknownSessionIs404BlobUploadUnknown() {
        String path = "/v2/" + REPO + "/blobs/uploads/00000000-0000-0000-0000-000000000000";
        Digest d = Digest.sha256(new byte[0]);
        for (Response r : new Response[] {client.get(path), client.patch(path, new byte[3]),
                client.put(path + "?digest=" + d, new byte[0]), client.delete(path),
                client.get("/v2/" + REPO + "/blobs/uploads/not-a-uuid!"), client.patch("/v2/" + REPO + "/blobs/uploads/..", new byte[1])}) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.errorCode()).isIn("BLOB_UPLOAD_UNKNOWN", "BLOB_UNKNOWN");
        }
        assertThat(client.get(path).errorCode()).isEqualTo("BLOB_UPLOAD_UNKNOWN");
    }

    @Test
    void sessionOfAnotherRepositoryIsUnknown() {
        String location = client.startUpload(REPO);
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(client.get("/v2/push/elsewhere/blobs/uploads/" + id).status()).isEqualTo(404);
    }

    @Test
    void deleteCancelsTheSession() {
        String location = client.startUpload(REPO);
        client.patch(location, Content.random(10));
        assertThat(client.delete(location).status()).isEqualTo(204);
        assertThat(client.get(location).status()).isEqualTo(404);
        assertThat(client.delete(location).status()).isEqualTo(404);
    }

    @Test
    void emptyBlobCanBePushed() {
        Digest digest = client.pushBlob(REPO, new byte[0]);
        Response r = client.get("/v2/" + REPO + "/blobs/" + digest);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.header("Content-Length")).isEqualTo("0");
    }

    @Test
    void mountWithoutFromStartsASession() {
        Digest unknown = Digest.sha256(Content.random(42));
        Response r = client.post("/v2/" + CROSS + "/blobs/uploads/?mount=" + unknown, new byte[0]);
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.header("Location")).startsWith("/v2/" + CROSS + "/blobs/uploads/");
    }

    @Test
    void mountFromARepositoryThatHasTheBlob() {
        byte[] blob = Content.random(42);
        Digest digest = client.pushBlob(REPO, blob);
        Response r = client.post("/v2/" + CROSS + "/blobs/uploads/?mount=" + digest + "&from=" + REPO, new byte[0]);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Location")).isEqualTo("/v2/" + CROSS + "/blobs/" + digest);
        assertThat(r.header("Docker-Content-Digest")).isEqualTo(digest.toString());
        assertThat(client.get(r.header("Location")).body()).isEqualTo(blob);
    }

    @Test
    void mountFromARepositoryWithoutTheBlobOrAnInvalidFromStartsASession() {
        Digest unknown = Digest.sha256(Content.random(8));
        for (String from : new String[] {REPO, "Invalid_Name", "nobody/here"}) {
            Response r = client.post("/v2/" + CROSS + "/blobs/uploads/?mount=" + unknown + "&from=" + from, new byte[0]);
            assertThat(r.status()).as(from).isEqualTo(202);
            assertThat(r.header("Location")).startsWith("/v2/" + CROSS + "/blobs/uploads/");
        }
    }

    @Test
    void mountWithMalformedDigestIs400() {
        Response r = client.post("/v2/" + CROSS + "/blobs/uploads/?mount=sha256:123&from=" + REPO, new byte[0]);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("DIGEST_INVALID");
    }
}
