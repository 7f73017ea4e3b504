package io.portus.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.portus.storage.RegistryStorage.Blob;
import io.portus.storage.RegistryStorage.DigestMismatchException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Blob pushes through upload sessions: hashing, resume, verification, concurrency, purge. */
class UploadSessionsTest extends RegistryStorageTestBase {

    @Test
    void aCommittedUploadIsABlobOfItsRepositoryOnly() throws IOException {
        byte[] content = BlobStoreContract.pattern(1_000_003);
        Digest d = Digest.sha256(content);
        Blob committed = push(REPO, content);
        assertThat(committed.digest()).isEqualTo(d);
        assertThat(committed.size()).isEqualTo(content.length);

        Blob blob = storage.blob(REPO, d).orElseThrow();
        assertThat(blob.size()).isEqualTo(content.length);
        assertThat(read(blob, 0)).isEqualTo(content);
        assertThat(read(blob, 999_000)).hasSize(1_003);
        assertThat(storage.blob(OTHER, d)).isEmpty();
        assertThat(store.getContent(StoragePaths.layerLink(REPO, d))).isEqualTo(bytes(d.toString()));
        assertThat(store.list(StoragePaths.uploads(REPO))).isEmpty();
        if (driver.equals("filesystem")) {
            Path file = dir.resolve("docker/registry/v2/blobs/sha256/" + d.hex().substring(0, 2) + "/" + d.hex() + "/data");
            assertThat(((RegistryStorage.LocalFileBlob) blob).localFile()).contains(file);
            assertThat(Files.readAllBytes(file)).isEqualTo(content);
        }
    }

    @Test
    void emptyAndSha512BlobsCommit() throws IOException {
        Blob empty = push(REPO, new byte[0]);
        assertThat(empty.digest().toString())
                .isEqualTo("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(storage.blob(REPO, empty.digest()).orElseThrow().size()).isZero();

        byte[] content = bytes("hashed with sha512");
        Digest d512 = Digest.of("sha512", hashed(content));
        var session = storage.startUpload(REPO);
        storage.appendUpload(REPO, session.id(), new ByteArrayInputStream(content));
        assertThat(storage.commitUpload(REPO, session.id(), d512).size()).isEqualTo(content.length);
        assertThat(read(storage.blob(REPO, d512).orElseThrow(), 0)).isEqualTo(content);
    }

    private static java.security.MessageDigest hashed(byte[] content) {
        var md = Digest.newMessageDigest("sha512");
        md.update(content);
        return md;
    }

    @Test
    void sessionsReportStartAndSize() throws IOException {
        var session = storage.startUpload(REPO);
        assertThat(session.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(session.size()).isZero();
        String startedAt = new String(store.getContent(StoragePaths.uploadStartedAt(REPO, session.id())),
                StandardCharsets.US_ASCII);
        assertThat(OffsetDateTime.parse(startedAt).toInstant()).isEqualTo(session.startedAt());

        var found = storage.upload(REPO, session.id()).orElseThrow();
        assertThat(found.size()).isZero();
        assertThat(found.startedAt()).isEqualTo(session.startedAt());
        assertThat(storage.appendUpload(REPO, session.id(), new ByteArrayInputStream(new byte[1234]))).isEqualTo(1234);
        assertThat(storage.upload(REPO, session.id()).orElseThrow().size()).isEqualTo(1234);
        assertThat(storage.upload(OTHER, session.id())).isEmpty();
    }

    @Test
    void unknownOrMalformedSessionIdsAreUnknown() throws IOException {
        String unknown = "0b8a7a4e-5c33-4d4e-9a55-0d3e2c1b0a99";
        for (String id : new String[] {unknown, "../../blobs", "0B8A7A4E-5C33-4D4E-9A55-0D3E2C1B0A99", "", "x"}) {
            assertThat(storage.upload(REPO, id)).isEmpty();
            assertThat(storage.cancelUpload(REPO, id)).isFalse();
            assertThatThrownBy(() -> storage.appendUpload(REPO, id, new ByteArrayInputStream(new byte[1])))
                    .isInstanceOf(UploadUnknownException.class);
            assertThatThrownBy(() -> storage.commitUpload(REPO, id, Digest.sha256(new byte[0])))
                    .isInstanceOf(UploadUnknownException.class);
        }
        assertThat(storage.upload(REPO, null)).isEmpty();
        assertThat(store.stat(StoragePaths.uploads(REPO))).isEmpty();
    }

    @Test
    void chunkedAppendsAreHashedAcrossChunks() throws IOException {
        byte[] content = BlobStoreContract.pattern(700_000);
        var session = storage.startUpload(REPO);
        long size = 0;
        for (int off = 0; off < content.length; off += 200_000) {
            int len = Math.min(200_000, content.length - off);
            size = storage.appendUpload(REPO, session.id(), new ByteArrayInputStream(content, off, len));
        }
        assertThat(size).isEqualTo(content.length);
        Blob blob = storage.commitUpload(REPO, session.id(), Digest.sha256(content));
        assertThat(read(blob, 0)).isEqualTo(content);
    }

    @Test
    void anInterruptedAppendKeepsWhatArrivedAndTheUploadResumes() throws IOException {
        byte[] content = BlobStoreContract.pattern(600_000);
        var session = storage.startUpload(REPO);
        InputStream broken = new InputStream() {
            int pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= 300_000) {
                    throw new IOException("connection reset");
                }
                int n = Math.min(len, Math.min(50_000, 300_000 - pos));
                System.arraycopy(content, pos, b, off, n);
                pos += n;
                return n;
            }
        };
        assertThatThrownBy(() -> storage.appendUpload(REPO, session.id(), broken)).hasMessage("connection reset");
        long received = storage.upload(REPO, session.id()).orElseThrow().size();
        assertThat(received).isBetween(1L, 300_000L);
        storage.appendUpload(REPO, session.id(),
                new ByteArrayInputStream(content, (int) received, content.length - (int) received));
        assertThat(storage.upload(REPO, session.id()).orElseThrow().size()).isEqualTo(content.length);
        assertThat(read(storage.commitUpload(REPO, session.id(), Digest.sha256(content)), 0)).isEqualTo(content);
    }

    @Test
    void theCommonPushReadsTheBytesOnlyOnceWhileWritingThem() throws IOException {
        CountingBlobStore counting = new CountingBlobStore(store);
        var counted = new DefaultRegistryStorage(counting, clock);
        byte[] content = BlobStoreContract.pattern(300_000);
        var session = counted.startUpload(REPO);
        counted.appendUpload(REPO, session.id(), new ByteArrayInputStream(content, 0, 100_000));
        counted.appendUpload(REPO, session.id(), new ByteArrayInputStream(content, 100_000, 200_000));
        counted.commitUpload(REPO, session.id(), Digest.sha256(content));
        assertThat(counting.readers).hasValue(0); // hashed while appending, no second pass over the file

        var resumed = counted.startUpload(REPO);
        store.putContent(StoragePaths.uploadData(REPO, resumed.id()), content); // bytes this instance did not see
        counted.commitUpload(REPO, resumed.id(), Digest.sha256(content));
        assertThat(counting.readers).hasValue(1);
    }

    @Test
    void anotherInstanceContinuingTheSessionForcesARehash() throws IOException {
        byte[] content = BlobStoreContract.pattern(400_000);
        var second = new DefaultRegistryStorage(store, clock); // e.g. another node behind the load balancer
        var session = storage.startUpload(REPO);
        storage.appendUpload(REPO, session.id(), new ByteArrayInputStream(content, 0, 100_000));
        second.appendUpload(REPO, session.id(), new ByteArrayInputStream(content, 100_000, 300_000));
        // the first instance's hash state saw 100 000 bytes of 400 000: it must not be trusted
        Blob blob = storage.commitUpload(REPO, session.id(), Digest.sha256(content));
        assertThat(read(blob, 0)).isEqualTo(content);
    }

    @Test
    void aDigestMismatchCancelsTheSessionAndStoresNothing() throws IOException {
        byte[] content = bytes("the real content");
        Digest claimed = Digest.sha256(bytes("something else"));
        var session = storage.startUpload(REPO);
        storage.appendUpload(REPO, session.id(), new ByteArrayInputStream(content));
        assertThatThrownBy(() -> storage.commitUpload(REPO, session.id(), claimed))
                .isInstanceOf(DigestMismatchException.class)
                .hasMessageContaining(claimed.toString())
                .hasMessageContaining(Digest.sha256(content).toString());
        assertThat(storage.upload(REPO, session.id())).isEmpty();
        assertThat(storage.blob(REPO, claimed)).isEmpty();
        assertThat(storage.blob(REPO, Digest.sha256(content))).isEmpty();
        assertThat(store.stat(StoragePaths.blobData(claimed))).isEmpty();
        assertThat(store.stat(StoragePaths.blobData(Digest.sha256(content)))).isEmpty();
    }

    @Test
    void cancelRemovesTheSession() throws IOException {
        var session = storage.startUpload(REPO);
        storage.appendUpload(REPO, session.id(), new ByteArrayInputStream(new byte[10]));
        assertThat(storage.cancelUpload(REPO, session.id())).isTrue();
        assertThat(storage.upload(REPO, session.id())).isEmpty();
        assertThat(storage.cancelUpload(REPO, session.id())).isFalse();
        assertThat(store.stat(StoragePaths.uploadDir(REPO, session.id()))).isEmpty();
    }

    @Test
    void concurrentPushesOfTheSameBlobAllSucceed() throws Exception {
        byte[] content = BlobStoreContract.pattern(512 * 1024);
        Digest d = Digest.sha256(content);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Blob>> tasks = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                RepositoryName repo = new RepositoryName("race/r" + (i % 3));
                tasks.add(() -> push(repo, content));
            }
            for (Future<Blob> f : pool.invokeAll(tasks)) {
                assertThat(f.get().digest()).isEqualTo(d);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 3; i++) {
            RepositoryName repo = new RepositoryName("race/r" + i);
            assertThat(read(storage.blob(repo, d).orElseThrow(), 0)).isEqualTo(content);
            assertThat(store.list(StoragePaths.uploads(repo))).isEmpty();
        }
    }

    @Test
    void purgeRemovesOldSessionsInEveryRepository() throws IOException {
        var old1 = storage.startUpload(REPO);
        var old2 = storage.startUpload(new RepositoryName("deep/er/repo"));
        storage.appendUpload(REPO, old1.id(), new ByteArrayInputStream(new byte[100]));
        var unreadable = storage.startUpload(OTHER);
        store.putContent(StoragePaths.uploadStartedAt(OTHER, unreadable.id()), bytes("not a time"));
        // a session distribution left behind (with its hash states)
        String foreign = "d3b07384-d9a7-4e1f-8c6a-2d9f1e8c4b11";
        store.putContent(StoragePaths.uploadStartedAt(OTHER, foreign), bytes("2020-01-02T03:04:05Z"));
        store.putContent(StoragePaths.uploadDir(OTHER, foreign) + "/hashstates/sha256/0", new byte[8]);

        clock.advance(Duration.ofDays(8));
        var fresh = storage.startUpload(REPO);
        assertThat(storage.purgeUploads(Duration.ofDays(7))).isEqualTo(4);
        assertThat(storage.upload(REPO, old1.id())).isEmpty();
        assertThat(storage.upload(new RepositoryName("deep/er/repo"), old2.id())).isEmpty();
        assertThat(store.stat(StoragePaths.uploadDir(OTHER, unreadable.id()))).isEmpty();
        assertThat(store.stat(StoragePaths.uploadDir(OTHER, foreign))).isEmpty();
        assertThat(storage.upload(REPO, fresh.id())).isPresent();
        assertThat(storage.purgeUploads(Duration.ofDays(7))).isZero();
    }
}
