package io.portus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import io.portus.support.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * Our jar on S3 with a 256 MiB heap takes a 1 GiB blob, streamed (made on the fly by the test), in one PUT and
 * in chunked PATCHes, answers 201 and serves it back with the same digest: uploads are multipart uploads with
 * bounded part buffers, never the blob in memory. Abandoned upload sessions and abandoned multipart uploads
 * under the root are purged (a second jar with a 5 s purge age).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3LargePushIT {

    static final GeneratedBlob GIB = new GeneratedBlob(1L << 30, 42);
    static final String ROOT = "/large";

    S3Server s3;
    String bucket;
    PortusProcess large;
    PortusProcess purging;
    String gibDigest;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() {
        s3 = S3Server.shared();
        bucket = s3.newBucket(S3LargePushIT.class);
        CompletableFuture<PortusProcess> a = CompletableFuture.supplyAsync(() -> PortusProcess.builder("s3-large")
                .s3(s3, bucket, ROOT, true).jvmArg("-Xmx256m").start());
        CompletableFuture<PortusProcess> b = CompletableFuture.supplyAsync(() -> PortusProcess.builder("s3-purge")
                .s3(s3, bucket, "/purge", true)
                .jvmArg("-Dportus.registry.uploads.purge-age=5s").jvmArg("-Dportus.registry.uploads.purge-interval=1s")
                .start());
        gibDigest = GIB.digest();
        large = a.join();
        purging = b.join();
    }

    @AfterAll
    void stop() {
        Closer.closeAll(large, purging);
    }

    @Test
    void oneGibBlobInOnePutWith256MibHeap() throws Exception {
        String location = post(large, "big/mono");
        HttpResponse<String> put = send(large, HttpRequest.newBuilder(uri(large, withDigest(location, gibDigest)))
                .header("Content-Type", "application/octet-stream")
                .PUT(BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(GIB::stream), GIB.size())));
        assertThat(put.statusCode()).as("PUT of 1 GiB: %s\n%s", put.body(), large.logTail(30)).isEqualTo(201);
        assertPulledBack("big/mono");
    }

    @Test
    void oneGibBlobInChunkedPatchesWith256MibHeap() throws Exception {
        String location = post(large, "big/chunked");
        long chunk = 600_000_001;   // two PATCHes; not a multiple of the 10 MiB part size
        for (long from = 0; from < GIB.size(); from += chunk) {
            long to = Math.min(from + chunk, GIB.size());
            long start = from;
            HttpResponse<String> patch = send(large, HttpRequest.newBuilder(uri(large, location))
                    .header("Content-Type", "application/octet-stream")
                    .header("Content-Range", from + "-" + (to - 1))
                    .method("PATCH", BodyPublishers.fromPublisher(
                            BodyPublishers.ofInputStream(() -> GIB.stream(start, to)), to - from)));
            assertThat(patch.statusCode()).as("PATCH %s-%s: %s\n%s", from, to - 1, patch.body(), large.logTail(30))
                    .isEqualTo(202);
            assertThat(patch.headers().firstValue("Range")).hasValue("0-" + (to - 1));
            location = patch.headers().firstValue("Location").orElseThrow();
        }
        HttpResponse<String> put = send(large, HttpRequest.newBuilder(uri(large, withDigest(location, gibDigest)))
                .PUT(BodyPublishers.noBody()));
        assertThat(put.statusCode()).as("closing PUT: %s", put.body()).isEqualTo(201);
        assertPulledBack("big/chunked");
    }

    /** GET (following the 307 to S3) streams the blob back: same length, same digest. */
    void assertPulledBack(String repo) throws Exception {
        HttpResponse<InputStream> get = http.send(HttpRequest.newBuilder(uri(large, "/v2/" + repo + "/blobs/" + gibDigest))
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(get.statusCode()).isEqualTo(200);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long length = 0;
        try (InputStream in = get.body()) {
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; length += n) {
                sha.update(buf, 0, n);
            }
        }
        assertThat(length).isEqualTo(GIB.size());
        assertThat("sha256:" + HexFormat.of().formatHex(sha.digest())).isEqualTo(gibDigest);
    }

    /**
     * An abandoned session whose instance was killed in the middle of a PATCH: its objects and the multipart
     * upload of that PATCH are purged. (The age-based purge of multipart uploads outside any session, by S3's
     * Initiated, cannot be shown on S3Proxy, which reports the time of the listing as Initiated.)
     */
    @Test
    void abandonedSessionsAndTheirMultipartUploadsArePurged() throws Exception {
        HttpResponse<String> post = send(purging, HttpRequest.newBuilder(uri(purging, "/v2/abandoned/session/blobs/uploads/"))
                .POST(BodyPublishers.noBody()));
        assertThat(post.statusCode()).isEqualTo(202);
        String location = post.headers().firstValue("Location").orElseThrow();
        String id = post.headers().firstValue("Docker-Upload-UUID").orElseThrow();
        HttpResponse<String> patch = send(purging, HttpRequest.newBuilder(uri(purging, location))
                .header("Content-Type", "application/octet-stream")
                .method("PATCH", BodyPublishers.ofInputStream(() -> GIB.stream(0, 6 << 20))));
        assertThat(patch.statusCode()).isEqualTo(202);
        String session = "purge/docker/registry/v2/repositories/abandoned/session/_uploads/" + id + "/";
        assertThat(keys(session)).as("the session's objects").isNotEmpty();

        // what an instance killed in the middle of the next PATCH leaves: an unfinished multipart upload
        String data = session + "data";
        try (S3Client client = s3.client()) {
            String upload = client.createMultipartUpload(r -> r.bucket(bucket).key(data)).uploadId();
            client.uploadPart(r -> r.bucket(bucket).key(data).uploadId(upload).partNumber(1),
                    RequestBody.fromBytes(new byte[5 << 20]));
        }
        assertThat(multipartUploads(session)).containsExactly(data);

        awaitTrue("the abandoned session is purged", () -> keys(session).isEmpty());
        awaitTrue("its multipart upload is aborted", () -> multipartUploads(session).isEmpty());
        HttpResponse<String> gone = send(purging, HttpRequest.newBuilder(uri(purging, location)).GET());
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("BLOB_UPLOAD_UNKNOWN");
        assertThat(multipartUploads(ROOT.substring(1) + "/")).as("uploads of the 1 GiB pushes are finished").isEmpty();
    }

    List<String> keys(String prefix) {
        try (S3Client client = s3.client()) {
            return client.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(o -> o.key()).toList();
        }
    }

    List<String> multipartUploads(String prefix) {
        try (S3Client client = s3.client()) {
            return client.listMultipartUploads(r -> r.bucket(bucket).prefix(prefix)).uploads().stream()
                    .map(MultipartUpload::key).toList();
        }
    }

    /** Polls (at most a minute: the purge runs every second) until {@code condition} holds. */
    static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("still waiting: %s", what).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    String post(PortusProcess registry, String repo) throws Exception {
        HttpResponse<String> post = send(registry, HttpRequest.newBuilder(uri(registry, "/v2/" + repo + "/blobs/uploads/"))
                .POST(BodyPublishers.noBody()));
        assertThat(post.statusCode()).as("POST: %s", post.body()).isEqualTo(202);
        return post.headers().firstValue("Location").orElseThrow();
    }

    HttpResponse<String> send(PortusProcess registry, HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(PortusProcess registry, String pathOrLocation) {
        return registry.baseUri().resolve(pathOrLocation);
    }

    static String withDigest(String location, String digest) {
        return RegistryHttp.withDigest(location, digest);
    }
}
