package io.portus.gc.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.portus.common.DbClock;
import io.portus.storage.Digest;
import io.portus.storage.FilesystemBlobStore;
import io.portus.storage.RegistryStorage;
import io.portus.storage.RegistryStorages;
import io.portus.storage.RepositoryName;
import io.portus.storage.StoragePaths;
import io.portus.storage.StorageUnavailableException;
import io.portus.support.DatabaseTest;
import io.portus.support.OnDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import static io.portus.gc.internal.GcFixture.repo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The interleavings of docs/garbage-collection.md, made deterministic with the collector's hooks: a client (the
 * registry storage with the real {@link DbContentGuard}) acts at a chosen point of a deletion, and where it must
 * wait the test first sees its touch committed, then lets the collector go on. Old content comes from
 * {@link GcFixture} (no guard); the collector's grace period is zero, so only touches keep it.
 */
@ContextConfiguration(initializers = OnDatabase.H2.class)
class RacesTest extends DatabaseTest {

    static final RepositoryName A = repo("lib/app");
    static final RepositoryName B = repo("other/app");
    static final RepositoryName Z = repo("zzz/last");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DbClock clock;
    @TempDir
    Path dir;

    GcFixture f;
    DbCoordination coordination;
    RegistryStorage client;

    @BeforeEach
    void stores() throws IOException {
        f = new GcFixture(new FilesystemBlobStore(Files.createDirectories(dir.resolve("root"))));
        coordination = new DbCoordination(jdbc, clock);
        client = RegistryStorages.create(f.store, new DbContentGuard(coordination, Duration.ofHours(1), Duration.ofSeconds(30)));
    }

    Progress collect(boolean deleteUntagged, CollectorHooks hooks) throws IOException {
        Progress p = new Progress();
        new Collector(f.store, f.storage, coordination, hooks).collect(
                new Collector.Settings(7, false, deleteUntagged, Duration.ZERO), p);
        return p;
    }

    /** Runs {@code op} on another thread at a hook and returns once its touch of {@code d} is committed. */
    <T> CompletableFuture<T> startAndAwaitTouch(Digest d, IoSupplier<T> op) {
        Instant before = coordination.now();
        CompletableFuture<T> future = CompletableFuture.supplyAsync(() -> {
            try {
                return op.get();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, Executors.newVirtualThreadPerTaskExecutor());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!touchedSince(d, before)) {
            if (System.nanoTime() > deadline || future.isDone()) {
                throw new AssertionError("the client never touched " + d + (future.isDone() ? " (it finished)" : ""));
            }
            Thread.onSpinWait();
        }
        return future;
    }

    boolean touchedSince(Digest d, Instant since) {
        return jdbc.sql("SELECT touched_at FROM blob_touches WHERE digest = ?").param(d.toString())
                .query(LocalDateTime.class).optional().map(t -> !t.toInstant(ZoneOffset.UTC).isBefore(since)).orElse(false);
    }

    /** The registry's manifest PUT: every reference checked (HEAD-like), then the manifest, then the tag. */
    Digest pushManifest(RepositoryName repo, String tag, String json, Digest... refs) throws IOException {
        for (Digest r : refs) {
            assertThat(client.blob(repo, r)).as("reference %s", r).isPresent();
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Digest d = GcFixture.digestOf(bytes);
        client.putManifest(repo, d, bytes, Optional.empty());
        client.tag(repo, tag, d);
        return d;
    }

    static CollectorHooks at(Predicate<Digest> target, Hook hook, Consumer<Digest> action) {
        return new CollectorHooks() {
            @Override
            public void beforeDeletion(Digest d) {
                fire(Hook.BEFORE, d);
            }

            @Override
            public void deletionAnnounced(Digest d) {
                fire(Hook.ANNOUNCED, d);
            }

            @Override
            public void deletionConfirmed(Digest d) {
                fire(Hook.CONFIRMED, d);
            }

            private void fire(Hook h, Digest d) {
                if (h == hook && target.test(d)) {
                    action.accept(d);
                }
            }
        };
    }

    enum Hook { BEFORE, ANNOUNCED, CONFIRMED }

    interface IoSupplier<T> {
        T get() throws IOException;
    }

    @Test
    void headThenManifestPutWhileTheCollectorSweepsTheBlob() throws IOException {
        Digest config = f.blob(A);
        Digest layer = f.blob(A);
        // (i) the client HEADs its blobs (200) while the collector sweeps, just before it announces the first deletion
        AtomicBoolean once = new AtomicBoolean();
        Progress p = collect(true, at(d -> once.compareAndSet(false, true), Hook.BEFORE, d -> {
            assertThat(io(() -> client.blob(A, config))).isPresent();
            assertThat(io(() -> client.blob(A, layer))).isPresent();
        }));
        Digest m = pushManifest(A, "v1", GcFixture.imageJson(config, null, layer), config, layer);

        assertThat(p.blobsDeleted.get()).isZero();
        assertThat(f.hasData(config)).isTrue();
        assertThat(f.hasData(layer)).isTrue();
        assertThat(client.manifest(A, m)).isPresent();
        // and the next run keeps them because the tag references them
        assertThat(collect(true, CollectorHooks.NONE).blobsDeleted.get()).isZero();
        assertThat(f.hasData(layer)).isTrue();
    }

    @Test
    void aHeadAfterTheDeletionWasAnnouncedWaitsThenFindsNothingAndAReuploadWorks() throws IOException {
        Digest layer = f.blob(A);
        byte[] content = f.store.getContent(StoragePaths.blobData(layer));
        // (ii) the collector's row and re-check came first: the HEAD waits, the blob goes, the HEAD answers 404
        AtomicReference<CompletableFuture<Optional<RegistryStorage.Blob>>> head = new AtomicReference<>();
        Progress p = collect(true, at(layer::equals, Hook.CONFIRMED, d -> {
            head.set(startAndAwaitTouch(d, () -> client.blob(A, d)));
            assertThat(head.get()).isNotDone();
        }));

        assertThat(head.get().join()).isEmpty();
        assertThat(p.blobsDeleted.get()).isEqualTo(1);
        RegistryStorage.UploadSession session = client.startUpload(A);
        client.appendUpload(A, session.id(), new ByteArrayInputStream(content));
        client.commitUpload(A, session.id(), layer);
        assertThat(client.blob(A, layer)).isPresent();
        assertThat(f.hasData(layer)).isTrue();
    }

    @Test
    void aManifestPushedToAnAlreadyScannedRepositoryKeepsItsBlobs() throws IOException {
        Digest config = f.blob(A);
        Digest layer = f.blob(A);
        Digest other = f.blob(Z);
        // (iii) the walk has passed lib/app when the manifest arrives there
        AtomicReference<Digest> pushed = new AtomicReference<>();
        CollectorHooks hooks = new CollectorHooks() {
            @Override
            public void repositoryScanned(RepositoryName repo) {
                if (repo.equals(A)) {
                    pushed.set(io(() -> pushManifest(A, "late", GcFixture.imageJson(config, null, layer), config, layer)));
                }
            }
        };
        Progress p = collect(true, hooks);

        assertThat(pushed.get()).isNotNull();
        assertThat(client.manifest(A, pushed.get())).isPresent();
        assertThat(f.hasData(config)).isTrue();
        assertThat(f.hasData(layer)).isTrue();
        assertThat(f.hasData(pushed.get())).isTrue();
        assertThat(f.hasData(other)).isFalse();
        assertThat(p.blobsDeleted.get()).isEqualTo(1);
    }

    @Test
    void aMountDuringTheSweepKeepsTheBlob() throws IOException {
        Digest layer = f.blob(A);
        // (iv) the mount's touch lands between the collector's row and its re-check: the collector keeps the blob
        AtomicReference<CompletableFuture<Optional<RegistryStorage.Blob>>> mount = new AtomicReference<>();
        Progress p = collect(true, at(layer::equals, Hook.ANNOUNCED,
                d -> mount.set(startAndAwaitTouch(d, () -> client.mountBlob(B, A, d)))));

        assertThat(mount.get().join()).isPresent();
        assertThat(p.blobsDeleted.get()).isZero();
        assertThat(client.blob(B, layer)).isPresent();
        assertThat(f.hasData(layer)).isTrue();
    }

    @Test
    void aMountAfterTheCollectorsCheckFindsTheBlobGone() throws IOException {
        Digest layer = f.blob(A);
        AtomicReference<CompletableFuture<Optional<RegistryStorage.Blob>>> mount = new AtomicReference<>();
        Progress p = collect(true, at(layer::equals, Hook.CONFIRMED, d -> {
            mount.set(startAndAwaitTouch(d, () -> client.mountBlob(B, A, d)));
            assertThat(mount.get()).isNotDone();
        }));

        assertThat(mount.get().join()).isEmpty(); // the client gets an upload session instead and pushes the bytes
        assertThat(p.blobsDeleted.get()).isEqualTo(1);
        assertThat(f.hasLayerLink(B, layer)).isFalse();
        assertThat(f.hasLayerLink(A, layer)).isFalse();
    }

    @Test
    void taggingAnUntaggedManifestWhileTheCollectorDeletesItKeepsIt() throws IOException {
        Digest config = f.blob(A);
        Digest layer = f.blob(A);
        String json = GcFixture.imageJson(config, null, layer);
        Digest m = f.manifest(A, null, json, null);
        // (v) the tag PUT (a manifest PUT by tag of the same bytes) touches it after the row, before the re-check
        AtomicReference<CompletableFuture<Digest>> put = new AtomicReference<>();
        Progress p = collect(true, at(m::equals, Hook.ANNOUNCED,
                d -> put.set(startAndAwaitTouch(d, () -> pushManifest(A, "now", json, config, layer)))));

        assertThat(put.get().join()).isEqualTo(m);
        assertThat(p.manifestsDeleted.get()).isZero();
        assertThat(p.blobsDeleted.get()).isZero();
        assertThat(client.resolveTag(A, "now")).contains(m);
        assertThat(client.manifest(A, m)).isPresent();
        assertThat(f.hasData(config)).isTrue();
        assertThat(f.hasData(layer)).isTrue();
    }

    @Test
    void taggingAnUntaggedManifestAfterTheCollectorsCheckPushesItAgain() throws IOException {
        Digest config = f.blob(A);
        Digest layer = f.blob(A);
        String json = GcFixture.imageJson(config, null, layer);
        Digest m = f.manifest(A, null, json, null);
        AtomicReference<CompletableFuture<Digest>> put = new AtomicReference<>();
        Progress p = collect(true, at(m::equals, Hook.CONFIRMED, d -> {
            put.set(startAndAwaitTouch(d, () -> pushManifest(A, "now", json, config, layer)));
            assertThat(put.get()).isNotDone();
        }));

        assertThat(put.get().join()).isEqualTo(m);
        assertThat(p.manifestsDeleted.get()).isEqualTo(1); // deleted, then written again by the waiting PUT
        assertThat(p.blobsDeleted.get()).isZero(); // its blobs were touched by the PUT's reference checks
        assertThat(client.resolveTag(A, "now")).contains(m);
        assertThat(client.manifest(A, m)).isPresent();
        assertThat(f.hasData(m)).isTrue();
        assertThat(client.blob(A, config)).isPresent();
        assertThat(client.blob(A, layer)).isPresent();
    }

    @Test
    void aDeletionThatDoesNotClearInTimeIsA503() throws IOException {
        Digest layer = f.blob(A);
        RegistryStorage impatient = RegistryStorages.create(f.store,
                new DbContentGuard(coordination, Duration.ofHours(1), Duration.ofMillis(100)));
        assertThat(coordination.beginDeletion(8, layer)).isTrue();
        assertThat(coordination.beginDeletion(9, layer)).isFalse();
        try {
            assertThatThrownBy(() -> impatient.blob(A, layer)).isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("garbage collector");
        } finally {
            coordination.endDeletion(layer);
        }
        assertThat(impatient.blob(A, layer)).isPresent();
    }

    static <T> T io(IoSupplier<T> s) {
        try {
            return s.get();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
