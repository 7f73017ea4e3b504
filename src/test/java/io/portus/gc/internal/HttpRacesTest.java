package io.portus.gc.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.portus.catalog.TestPusher;
import io.portus.gc.GcRun;
import io.portus.storage.BlobStore;
import io.portus.storage.Digest;
import io.portus.storage.RepositoryName;
import io.portus.storage.StoragePaths;
import io.portus.support.DatabaseTest;
import io.portus.support.OnDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The races of {@link RacesTest} over real HTTP against the running server and its collector: a client HEADs its
 * blobs and then PUTs a manifest referencing them while the collector sweeps those very blobs (before its
 * deletion row, while the row is there, after its final check). Whatever the interleaving, the client either gets
 * 200 and its manifest keeps the blob, or gets 404 and uploads it again; every tag pulls afterwards.
 * Same context as {@code PushWhileCollectingTest}.
 */
@ContextConfiguration(initializers = OnDatabase.OwnH2.class)
@TestPropertySource(properties = "portus.gc.grace-period=2s")
class HttpRacesTest extends DatabaseTest {

    @Autowired
    GcRunner runner;
    @Autowired
    GcRuns runs;
    @Autowired
    BlobStore store;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    String base;
    GcFixture f;
    RepositoryName repo;
    Digest config;
    Digest layer;

    @BeforeEach
    void oldUnreferencedBlobs() throws IOException {
        base = "http://127.0.0.1:" + environment.getProperty("local.server.port");
        f = new GcFixture(store);
        repo = GcFixture.repo(unique("races") + "/app");
        config = f.blob(repo);
        layer = f.blob(repo);
        for (Digest d : new Digest[] {config, layer}) { // older than the grace period, never touched
            Files.setLastModifiedTime(((io.portus.storage.FilesystemBlobStore) store).localFile(StoragePaths.blobData(d)).orElseThrow(),
                    FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
            originals.put(d, store.getContent(StoragePaths.blobData(d)));
        }
    }

    @AfterEach
    void noHooks() {
        runner.hooks(CollectorHooks.NONE);
    }

    @Test
    void headAnswers200AndTheManifestPutKeepsTheBlobsWhenTheClientComesFirst() throws Exception {
        AtomicInteger manifestPut = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
        // at the first of the two blobs the collector is about to delete (no deletion row yet)
        collect(RacesTest.at(d -> d.equals(config) || d.equals(layer), RacesTest.Hook.BEFORE, d -> {
            if (!once.compareAndSet(false, true)) {
                return;
            }
            assertThat(head(config)).isEqualTo(200);
            assertThat(head(layer)).isEqualTo(200);
            manifestPut.set(putManifest("v1"));
        }));

        assertThat(manifestPut.get()).isEqualTo(201);
        assertPulls("v1");
    }

    @Test
    void aHeadWhileTheDeletionIsAnnouncedWaitsAndKeepsTheBlob() throws Exception {
        AtomicReference<CompletableFuture<Integer>> head = new AtomicReference<>();
        collect(RacesTest.at(layer::equals, RacesTest.Hook.ANNOUNCED,
                d -> head.set(startAndAwaitTouch(d, () -> head(d)))));

        assertThat(head.get().join()).isEqualTo(200);
        assertThat(f.hasData(layer)).isTrue();
        if (head(config) == 404) { // nobody asked for the config in time: collected, the client uploads it
            upload(config);
        }
        assertThat(putManifest("v1")).isEqualTo(201);
        assertPulls("v1");
    }

    @Test
    void aHeadAfterTheCollectorsCheckAnswers404AndTheClientUploadsAgain() throws Exception {
        AtomicReference<CompletableFuture<Integer>> head = new AtomicReference<>();
        collect(RacesTest.at(layer::equals, RacesTest.Hook.CONFIRMED,
                d -> head.set(startAndAwaitTouch(d, () -> head(d)))));

        assertThat(head.get().join()).isEqualTo(404);
        assertThat(f.hasData(layer)).isFalse();
        if (head(config) == 404) {
            upload(config);
        }
        upload(layer);
        assertThat(putManifest("v1")).isEqualTo(201);
        assertPulls("v1");
    }

    void collect(CollectorHooks hooks) {
        runner.hooks(hooks);
        long id = runner.start(false, null, "test").id();
        while (runner.busy()) {
            Thread.onSpinWait();
        }
        assertThat(runs.find(id).orElseThrow().state()).isEqualTo(GcRun.DONE);
    }

    int head(Digest d) {
        return send(HttpRequest.newBuilder(uri("/blobs/" + d)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    int putManifest(String tag) {
        return send(HttpRequest.newBuilder(uri("/manifests/" + tag)).header("Content-Type", TestPusher.OCI_MANIFEST)
                .PUT(HttpRequest.BodyPublishers.ofString(GcFixture.imageJson(config, null, layer))));
    }

    /** The client's blob again, monolithic upload (the content is the original bytes the fixture wrote). */
    void upload(Digest d) throws IOException {
        byte[] content = bytesOf(d);
        assertThat(send(HttpRequest.newBuilder(uri("/blobs/uploads/?digest=" + d))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)))).isEqualTo(201);
    }

    private final java.util.Map<Digest, byte[]> originals = new java.util.concurrent.ConcurrentHashMap<>();

    byte[] bytesOf(Digest d) {
        return originals.get(d);
    }

    void assertPulls(String tag) throws Exception {
        HttpResponse<byte[]> m = http.send(HttpRequest.newBuilder(uri("/manifests/" + tag))
                .header("Accept", TestPusher.OCI_MANIFEST).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(m.statusCode()).isEqualTo(200);
        for (Digest b : new Digest[] {config, layer}) {
            HttpResponse<byte[]> blob = http.send(HttpRequest.newBuilder(uri("/blobs/" + b)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(blob.statusCode()).as("blob " + b).isEqualTo(200);
            assertThat(GcFixture.digestOf(blob.body())).isEqualTo(b);
        }
    }

    URI uri(String path) {
        return URI.create(base + "/v2/" + repo + path);
    }

    int send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code op} on another thread at a hook and returns once its touch of {@code d} is committed. */
    <T> CompletableFuture<T> startAndAwaitTouch(Digest d, java.util.function.Supplier<T> op) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(op, Executors.newVirtualThreadPerTaskExecutor());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (jdbc.sql("SELECT COUNT(*) FROM blob_touches WHERE digest = ?").param(d.toString())
                .query(Long.class).single() == 0) {
            if (System.nanoTime() > deadline || future.isDone()) {
                throw new AssertionError("the client never touched " + d + (future.isDone() ? " (it finished)" : ""));
            }
            Thread.onSpinWait();
        }
        return future;
    }
}
