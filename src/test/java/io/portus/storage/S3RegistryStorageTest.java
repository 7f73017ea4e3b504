package io.portus.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;

import io.portus.storage.RegistryStorage.Blob;
import io.portus.support.S3Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/** Registry storage on S3 as several instances use it: each with its own store and clients, one bucket. */
class S3RegistryStorageTest {

    static final RepositoryName REPO = new RepositoryName("team/app");
    static String bucket;

    S3BlobStore storeA;
    S3BlobStore storeB;
    RegistryStorage a;
    RegistryStorage b;

    @BeforeAll
    static void bucket() {
        bucket = S3Server.shared().newBucket(S3RegistryStorageTest.class);
    }

    @BeforeEach
    void twoInstances() {
        storeA = S3Stores.fresh(bucket);
        storeB = S3BlobStore.open(storeA.options()); // the same bucket and root, other clients
        a = new DefaultRegistryStorage(storeA, Clock.systemUTC());
        b = new DefaultRegistryStorage(storeB, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        storeA.close();
        storeB.close();
    }

    @Test
    void oneUploadSessionAcrossTwoInstances() throws IOException {
        int mib = 1024 * 1024;
        byte[] content = BlobStoreContract.pattern(14 * mib + 5);
        var session = a.startUpload(REPO);                                           // POST on A
        assertThat(b.upload(REPO, session.id())).isPresent();
        assertThat(b.appendUpload(REPO, session.id(), slice(content, 0, 7 * mib))).isEqualTo(7 * mib);   // PATCH on B
        assertThat(a.appendUpload(REPO, session.id(), slice(content, 7 * mib, 4 * mib))).isEqualTo(11 * mib); // PATCH on A
        assertThat(b.upload(REPO, session.id()).orElseThrow().size()).isEqualTo(11 * mib);
        b.appendUpload(REPO, session.id(), slice(content, 11 * mib, content.length - 11 * mib));          // PATCH on B
        Blob blob = a.commitUpload(REPO, session.id(), Digest.sha256(content));        // PUT on A
        assertThat(blob.size()).isEqualTo(content.length);
        try (InputStream in = b.blob(REPO, blob.digest()).orElseThrow().open(0)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(storeA.list(StoragePaths.uploads(REPO))).isEmpty();
        assertThat(b.upload(REPO, session.id())).isEmpty();
    }

    @Test
    void aBlobOnS3CanBeRedirectedToAndReadInRanges() throws IOException {
        byte[] content = BlobStoreContract.pattern(100_000);
        var session = a.startUpload(REPO);
        a.appendUpload(REPO, session.id(), new ByteArrayInputStream(content));
        Blob blob = a.commitUpload(REPO, session.id(), Digest.sha256(content));
        assertThat(blob).isInstanceOf(RegistryStorage.RedirectableBlob.class).isNotInstanceOf(RegistryStorage.LocalFileBlob.class);
        assertThat(((RegistryStorage.RedirectableBlob) blob).presignedGet(Duration.ofMinutes(20)).getRawPath())
                .endsWith("/docker/registry/v2/blobs/sha256/" + blob.digest().hex().substring(0, 2) + "/" + blob.digest().hex() + "/data");
        try (InputStream in = blob.open(10, 20)) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(content, 10, 30));
        }
    }

    @Test
    void thePurgeAbortsAbandonedMultipartUploadsUnderTheRoot() throws IOException {
        String key = storeA.key(StoragePaths.uploadData(REPO, "00000000-0000-0000-0000-000000000000"));
        try (S3Client client = S3Server.shared().client()) {
            client.createMultipartUpload(r -> r.bucket(bucket).key(key));
            assertThat(a.purgeUploads(Duration.ofDays(7))).isZero();
            assertThat(a.purgeUploads(Duration.ofSeconds(-60))).isEqualTo(1);
            assertThat(client.listMultipartUploads(r -> r.bucket(bucket).prefix(key)).uploads()).isEmpty();
        }
    }

    @Test
    void purgingAnAbandonedSessionAbortsItsMultipartUploadWhateverItsAge() throws IOException {
        var clock = new io.portus.support.MutableClock(java.time.Instant.now().minus(Duration.ofDays(8)));
        var storage = new DefaultRegistryStorage(storeA, clock);
        var session = storage.startUpload(REPO); // 8 days ago
        String key = storeA.key(StoragePaths.uploadData(REPO, session.id()));
        try (S3Client client = S3Server.shared().client()) {
            // what an instance killed in the middle of a PATCH leaves: a multipart upload started just now
            client.createMultipartUpload(r -> r.bucket(bucket).key(key));
            clock.advance(Duration.ofDays(8));
            assertThat(storage.purgeUploads(Duration.ofDays(7))).isGreaterThanOrEqualTo(1);
            assertThat(client.listMultipartUploads(r -> r.bucket(bucket).prefix(key)).uploads()).isEmpty();
            assertThat(storage.upload(REPO, session.id())).isEmpty();
        }
    }

    private static InputStream slice(byte[] content, int off, int len) {
        return new ByteArrayInputStream(content, off, len);
    }
}
