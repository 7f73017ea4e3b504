package io.portus.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import io.portus.support.S3Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The S3 driver against a real S3 server (S3Proxy): the whole contract, then what only S3 has. */
class S3BlobStoreTest extends BlobStoreContract {

    static String bucket;

    @BeforeAll
    static void bucket() {
        bucket = S3Server.shared().newBucket(S3BlobStoreTest.class);
    }

    @Override
    protected BlobStore newStore() {
        return S3Stores.fresh(bucket);
    }

    @AfterEach
    void closeStore() {
        if (store instanceof S3BlobStore s) {
            s.close();
        }
    }

    @Override
    protected int versionLengthStep() {
        return 0;
    }

    private S3BlobStore s3() {
        return (S3BlobStore) store;
    }

    @Test
    void keysAreDistributionsRootdirectoryPlusPath() throws IOException {
        try (S3BlobStore rooted = S3BlobStore.open(S3Stores.options(bucket, "/registry-root/"));
             S3Client client = S3Server.shared().client()) {
            rooted.putContent("/docker/registry/v2/repositories/a/_layers/link", bytes("x"));
            assertThat(client.getObjectAsBytes(b -> b.bucket(bucket)
                    .key("registry-root/docker/registry/v2/repositories/a/_layers/link")).asUtf8String()).isEqualTo("x");
            assertThat(rooted.key("/docker")).isEqualTo("registry-root/docker");
        }
        try (S3BlobStore bare = S3BlobStore.open(S3Stores.options(bucket, ""))) {
            assertThat(bare.key("/docker/registry/v2")).isEqualTo("docker/registry/v2");
            assertThat(bare.key("/")).isEmpty();
        }
    }

    @Test
    void directoryMarkerKeysAreIgnored() throws IOException {
        String root = s3().key("/");
        store.putContent("/d/f", bytes("x"));
        try (S3Client client = S3Server.shared().client()) {
            client.putObject(b -> b.bucket(bucket).key(root + "d/"), RequestBody.empty());
            client.putObject(b -> b.bucket(bucket).key(root + "d/empty/"), RequestBody.empty());
        }
        assertThat(store.list("/")).containsExactly("/d");
        assertThat(store.list("/d/empty")).isEmpty();
        assertThat(store.stat("/d/empty")).isEmpty();
        assertThat(store.stat("/d")).hasValueSatisfying(i -> assertThat(i.directory()).isTrue());
        store.delete("/d");
        assertThat(store.list("/")).isEmpty();
    }

    @Test
    void writersStreamInPartsAndAppendAcrossWriters() throws IOException {
        int chunk = (int) S3Stores.CHUNK;
        byte[] data = pattern(2 * chunk + chunk / 2 + 3 * 1024 * 1024 + 11);
        int first = 2 * chunk + 123; // > 5 MiB: the next writer continues it with UploadPartCopy
        try (var w = store.writer("/up/data", true)) {
            for (int off = 0; off < first; off += 100_000) {
                w.write(data, off, Math.min(100_000, first - off));
            }
        }
        assertThat(store.stat("/up/data").orElseThrow().size()).isEqualTo(first);
        int second = first + 1000;
        try (var w = store.writer("/up/data", true)) {
            assertThat(w.size()).isEqualTo(first);
            w.write(data, first, 1000); // a small last part after the copied one
        }
        try (var w = store.writer("/up/data", true)) {
            w.write(data, second, data.length - second);
        }
        try (InputStream in = store.reader("/up/data", 0)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        try (InputStream in = store.reader("/up/data", chunk - 5, 10)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, chunk - 5, chunk + 5));
        }
    }

    @Test
    void aWriterThatWroteNothingChangesNothing() throws IOException {
        store.putContent("/n/data", bytes("kept"));
        try (var w = store.writer("/n/data", true)) {
            assertThat(w.size()).isEqualTo(4);
            w.commit();
        }
        try (var w = store.writer("/absent/data", true)) {
            assertThat(w.size()).isZero();
        }
        assertThat(store.getContent("/n/data")).isEqualTo(bytes("kept"));
        assertThat(store.stat("/absent/data")).isEmpty();
    }

    @Test
    void incompleteMultipartUploadsArePurgedAfterTheCutoff() throws IOException {
        String key = s3().key("/docker/registry/v2/repositories/x/_uploads/u/data");
        try (S3Client client = S3Server.shared().client()) {
            String id = client.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
            assertThat(s3().purgeIncompleteWrites(Instant.now().minus(Duration.ofHours(1)))).isZero();
            assertThat(s3().purgeIncompleteWrites(Instant.now().plusSeconds(60))).isEqualTo(1);
            assertThat(client.listMultipartUploads(b -> b.bucket(bucket).prefix(key)).uploads())
                    .noneMatch(u -> u.uploadId().equals(id));
        }
    }

    @Test
    void presignedUrlsServeTheBytesAndUnsignedOnesAreRefused() throws Exception {
        byte[] content = pattern(70_000);
        store.putContent("/blob/data", content);
        URI url = s3().presignedGet("/blob/data", Duration.ofMinutes(20));
        assertThat(url.getQuery()).contains("X-Amz-Signature=", "X-Amz-Expires=1200");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> signed = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(signed.body()).isEqualTo(content);
        URI unsigned = URI.create(url.toString().substring(0, url.toString().indexOf('?')));
        assertThat(http.send(HttpRequest.newBuilder(unsigned).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void anUnreachableEndpointIsUnavailableAndWrongKeysAreAPlainError() throws IOException {
        S3Options o = S3Stores.options(bucket, "/errors");
        int closed = freePort();
        try (S3BlobStore down = S3BlobStore.open(S3Stores.withEndpoint(o, URI.create("http://127.0.0.1:" + closed),
                o.accessKey(), o.secretKey()))) {
            assertThatThrownBy(() -> down.getContent("/x")).isInstanceOf(StorageUnavailableException.class)
                    .hasMessageNotContaining("127.0.0.1");
            assertThatThrownBy(down::checkBucket).isInstanceOf(StorageUnavailableException.class);
        }
        try (S3BlobStore wrong = S3BlobStore.open(S3Stores.withEndpoint(o, S3Server.shared().endpoint(), "nobody", "wrong"))) {
            assertThatThrownBy(() -> wrong.getContent("/x")).isInstanceOf(IOException.class)
                    .isNotInstanceOf(StorageUnavailableException.class).isNotInstanceOf(PathNotFoundException.class)
                    .hasMessageContaining("403");
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aMissingBucketIsNamedAtTheCheck() {
        try (S3BlobStore missing = S3BlobStore.open(S3Stores.options("no-such-bucket-" + ProcessHandle.current().pid(), ""))) {
            assertThatThrownBy(missing::checkBucket).isInstanceOf(IOException.class)
                    .hasMessageContaining("no-such-bucket-").hasMessageContaining("does not exist");
        }
        s3().close();
    }
}
