package io.portus.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.portus.storage.RegistryStorage.Blob;
import io.portus.storage.RegistryStorage.DigestMismatchException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"inmemory", "filesystem"})
class DefaultRegistryStorageTest {

    static final RepositoryName REPO = new RepositoryName("team/app");
    static final RepositoryName OTHER = new RepositoryName("other");

    @Parameter
    String driver;

    @TempDir
    Path dir;

    MutableClock clock;
    BlobStore store;
    DefaultRegistryStorage storage;

    @BeforeEach
    void setUp() throws IOException {
        clock = new MutableClock(Instant.now());
        store = driver.equals("filesystem") ? new FilesystemBlobStore(dir) : new InMemoryBlobStore(clock);
        storage = new DefaultRegistryStorage(store, clock);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    Blob push(RepositoryName repo, byte[] content) throws IOException {
        var session = storage.startUpload(repo);
        storage.appendUpload(repo, session.id(), new ByteArrayInputStream(content));
        return storage.commitUpload(repo, session.id(), Digest.sha256(content));
    }

    static byte[] read(Blob blob, long offset) throws IOException {
        try (InputStream in = blob.open(offset)) {
            return in.readAllBytes();
        }
    }

    // ---- blobs and uploads --------------------------------------------------------------------

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
            assertThat(blob.localFile()).contains(file);
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
    void mountLinksABlobTheSourceHas() throws IOException {
        Blob blob = push(OTHER, bytes("layer"));
        assertThat(storage.mountBlob(REPO, OTHER, blob.digest())).hasValueSatisfying(b -> assertThat(b.size()).isEqualTo(5));
        assertThat(storage.blob(REPO, blob.digest())).isPresent();
        Digest missing = Digest.sha256(bytes("nobody has this"));
        assertThat(storage.mountBlob(REPO, OTHER, missing)).isEmpty();
        assertThat(storage.blob(REPO, missing)).isEmpty();
        assertThat(storage.mountBlob(new RepositoryName("third"), REPO, blob.digest())).isPresent();
    }

    @Test
    void deleteBlobUnlinksButKeepsTheData() throws IOException {
        Blob blob = push(REPO, bytes("layer"));
        storage.mountBlob(OTHER, REPO, blob.digest());
        assertThat(storage.deleteBlob(REPO, blob.digest())).isTrue();
        assertThat(storage.blob(REPO, blob.digest())).isEmpty();
        assertThat(storage.deleteBlob(REPO, blob.digest())).isFalse();
        assertThat(storage.blob(OTHER, blob.digest())).isPresent();
    }

    @Test
    void aBlobWhoseDataIsGoneIsUnknown() throws IOException {
        Blob blob = push(REPO, bytes("layer"));
        store.delete(StoragePaths.blobDir(blob.digest())); // e.g. garbage-collected
        assertThat(storage.blob(REPO, blob.digest())).isEmpty();
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

    // ---- manifests, tags, referrers -----------------------------------------------------------

    static byte[] manifest(String marker) {
        return bytes("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"x\":\"" + marker + "\"}");
    }

    Digest putManifest(RepositoryName repo, String marker, Optional<Digest> subject) throws IOException {
        byte[] m = manifest(marker);
        Digest d = Digest.sha256(m);
        storage.putManifest(repo, d, m, subject);
        return d;
    }

    @Test
    void manifestsAreStoredAsBlobsAndLinkedAsRevisions() throws IOException {
        Digest d = putManifest(REPO, "a", Optional.empty());
        assertThat(storage.manifest(REPO, d)).hasValue(manifest("a"));
        assertThat(storage.manifest(OTHER, d)).isEmpty();
        assertThat(store.getContent(StoragePaths.blobData(d))).isEqualTo(manifest("a"));
        assertThat(store.getContent(StoragePaths.revisionLink(REPO, d))).isEqualTo(bytes(d.toString()));
        assertThat(storage.blob(REPO, d)).hasValueSatisfying(b -> assertThat(b.size()).isEqualTo(manifest("a").length));
        // the same manifest in a second repository shares the blob
        storage.putManifest(OTHER, d, manifest("a"), Optional.empty());
        assertThat(storage.manifest(OTHER, d)).hasValue(manifest("a"));
    }

    @Test
    void returnedManifestBytesAreNotShared() throws IOException {
        Digest d = putManifest(REPO, "a", Optional.empty());
        storage.manifest(REPO, d).orElseThrow()[0] = 'X';
        assertThat(storage.manifest(REPO, d)).hasValue(manifest("a"));
    }

    @Test
    void tagsPointAtManifestsAndMove() throws IOException {
        Digest a = putManifest(REPO, "a", Optional.empty());
        Digest b = putManifest(REPO, "b", Optional.empty());
        storage.tag(REPO, "latest", a);
        assertThat(storage.resolveTag(REPO, "latest")).hasValue(a);
        storage.tag(REPO, "latest", b);
        assertThat(storage.resolveTag(REPO, "latest")).hasValue(b);
        assertThat(store.stat(StoragePaths.tagIndexLink(REPO, "latest", a))).isPresent();
        assertThat(store.stat(StoragePaths.tagIndexLink(REPO, "latest", b))).isPresent();
        assertThat(storage.resolveTag(REPO, "nope")).isEmpty();
        assertThat(storage.resolveTag(REPO, "../../x")).isEmpty();
        assertThat(storage.resolveTag(OTHER, "latest")).isEmpty();
        assertThatThrownBy(() -> storage.tag(REPO, "bad/tag", a)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.tag(REPO, ".hidden", a)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tagsAreSortedAndUnknownRepositoriesHaveNone() throws IOException {
        Digest a = putManifest(REPO, "a", Optional.empty());
        for (String t : new String[] {"v10", "latest", "V2", "v1", "1.0", "_x", "v1.0-rc"}) {
            storage.tag(REPO, t, a);
        }
        assertThat(storage.tags(REPO)).hasValue(List.of("1.0", "V2", "_x", "latest", "v1", "v1.0-rc", "v10"));
        assertThat(storage.tags(OTHER)).isEmpty();
        push(OTHER, bytes("only a layer"));
        assertThat(storage.tags(OTHER)).hasValue(List.of());
        assertThat(storage.tagsOf(REPO, a)).hasSize(7);
    }

    @Test
    void deleteTagKeepsTheManifest() throws IOException {
        Digest a = putManifest(REPO, "a", Optional.empty());
        storage.tag(REPO, "one", a);
        storage.tag(REPO, "two", a);
        assertThat(storage.deleteTag(REPO, "one")).isTrue();
        assertThat(storage.deleteTag(REPO, "one")).isFalse();
        assertThat(storage.deleteTag(REPO, "..")).isFalse();
        assertThat(storage.resolveTag(REPO, "one")).isEmpty();
        assertThat(storage.tags(REPO)).hasValue(List.of("two"));
        assertThat(storage.manifest(REPO, a)).isPresent();
    }

    @Test
    void deleteManifestRemovesItsTagsOnly() throws IOException {
        Digest a = putManifest(REPO, "a", Optional.empty());
        Digest b = putManifest(REPO, "b", Optional.empty());
        storage.tag(REPO, "latest", a);
        storage.tag(REPO, "v1", a);
        storage.tag(REPO, "v2", b);
        storage.tag(REPO, "was-a", a);
        storage.tag(REPO, "was-a", b);
        assertThat(storage.tagsOf(REPO, a)).containsExactly("latest", "v1");

        assertThat(storage.deleteManifest(REPO, a)).hasValue(List.of("latest", "v1"));
        assertThat(storage.manifest(REPO, a)).isEmpty();
        assertThat(storage.blob(REPO, a)).isEmpty();
        assertThat(storage.tags(REPO)).hasValue(List.of("v2", "was-a"));
        assertThat(storage.resolveTag(REPO, "was-a")).hasValue(b);
        assertThat(store.stat(StoragePaths.blobData(a))).isPresent(); // garbage collection is separate
        assertThat(storage.deleteManifest(REPO, a)).isEmpty();
        assertThat(storage.deleteManifest(OTHER, b)).isEmpty();
    }

    @Test
    void referrersAreIndexedBySubject() throws IOException {
        Digest subject = putManifest(REPO, "image", Optional.empty());
        Digest sig = putManifest(REPO, "signature", Optional.of(subject));
        Digest sbom = putManifest(REPO, "sbom", Optional.of(subject));
        Digest absent = Digest.sha256(bytes("not pushed yet"));
        Digest early = putManifest(REPO, "early", Optional.of(absent));

        assertThat(storage.referrers(REPO, subject)).containsExactlyInAnyOrder(sig, sbom)
                .isSortedAccordingTo((x, y) -> x.toString().compareTo(y.toString()));
        assertThat(storage.referrers(REPO, absent)).containsExactly(early);
        assertThat(storage.referrers(OTHER, subject)).isEmpty();
        assertThat(storage.referrers(REPO, sig)).isEmpty();
        assertThat(store.stat(StoragePaths.referrerLink(REPO, subject, sig))).isPresent();

        storage.deleteManifest(REPO, sig);
        assertThat(storage.referrers(REPO, subject)).containsExactly(sbom);
        assertThat(store.stat(StoragePaths.referrerDir(REPO, subject, sig))).isEmpty();
        // a referrer whose revision went away behind our back (distribution deleted it) is not listed
        store.delete(StoragePaths.revisionDir(REPO, sbom));
        assertThat(storage.referrers(REPO, subject)).isEmpty();
    }

    // ---- catalog ------------------------------------------------------------------------------

    @Test
    void catalogListsRepositoriesInNameOrderWithPagination() throws IOException {
        List<String> names = List.of("z", "a", "a-b", "a/b", "a/b/c", "a.b", "b/c/d", "team/app", "team/app2", "m/n");
        for (String n : names) {
            putManifest(new RepositoryName(n), n, Optional.empty());
        }
        // a repository once a blob is linked (distribution 2.8's rule), not while it only has an upload session
        storage.startUpload(new RepositoryName("only/uploads"));
        push(new RepositoryName("only/layers"), bytes("x"));
        names = new ArrayList<>(names);
        names.add("only/layers");
        List<String> sorted = names.stream().sorted().toList();

        assertThat(storage.repositories(null, 100)).isEqualTo(sorted);
        List<String> paged = new ArrayList<>();
        String last = null;
        for (List<String> page; !(page = storage.repositories(last, 3)).isEmpty(); last = page.getLast()) {
            assertThat(page.size()).isLessThanOrEqualTo(3);
            paged.addAll(page);
        }
        assertThat(paged).isEqualTo(sorted);
        assertThat(storage.repositories("a/b", 2)).containsExactly("a/b/c", "b/c/d");
        assertThat(storage.repositories("m", 10)).containsExactly("m/n", "only/layers", "team/app", "team/app2", "z");
        assertThat(storage.repositories("zz", 10)).isEmpty();
        assertThat(storage.repositories(null, 0)).isEmpty();
    }

    @Test
    void catalogOfAnEmptyStoreIsEmpty() throws IOException {
        assertThat(storage.repositories(null, 10)).isEmpty();
        assertThat(storage.repositoryExists(REPO)).isFalse();
        storage.startUpload(REPO);
        assertThat(storage.repositoryExists(REPO)).isFalse();
        push(REPO, bytes("x"));
        assertThat(storage.repositoryExists(REPO)).isTrue();
    }

    @Test
    void mayHoldNamesAfterPrunesOnlySubtreesThatSortBefore() {
        assertThat(RepositoryWalker.mayHoldNamesAfter("a", null)).isTrue();
        assertThat(RepositoryWalker.mayHoldNamesAfter("b", "a/z")).isTrue();
        assertThat(RepositoryWalker.mayHoldNamesAfter("a", "a/b")).isTrue();
        assertThat(RepositoryWalker.mayHoldNamesAfter("a", "a-b")).isTrue(); // "a/x" > "a-b"
        assertThat(RepositoryWalker.mayHoldNamesAfter("a-b", "a/b")).isFalse();
        assertThat(RepositoryWalker.mayHoldNamesAfter("a", "b")).isFalse();
    }
}
