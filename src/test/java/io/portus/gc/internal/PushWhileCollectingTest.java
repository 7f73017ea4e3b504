package io.portus.gc.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import io.portus.catalog.TestPusher;
import io.portus.gc.GcRun;
import io.portus.storage.Digest;
import io.portus.support.DatabaseTest;
import io.portus.support.OnDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrency smoke test over real HTTP: four clients push images (and move tags, leaving untagged manifests
 * behind) while the collector runs again and again with an eight-second grace period; afterwards every tag pulls
 * completely and every byte hashes to its digest. Same context as {@code GcApiTest}. The grace period is what keeps
 * a blob uploaded but not yet named by a manifest (1 h by default): two seconds were too short when the test shared
 * two cores with a whole other build (a blob's manifest came more than 2 s after it and found it collected).
 */
@ContextConfiguration(initializers = OnDatabase.OwnH2.class)
@TestPropertySource(properties = "portus.gc.grace-period=8s")
class PushWhileCollectingTest extends DatabaseTest {

    private static final int CLIENTS = 4;
    private static final int IMAGES = 12;

    @Autowired
    GcRunner runner;
    @Autowired
    GcRuns runs;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyTagPullsCompletelyAfterCollectionsDuringPushes() throws Exception {
        String base = "http://127.0.0.1:" + environment.getProperty("local.server.port");
        Map<String, String> tags = new ConcurrentHashMap<>(); // "repo:tag" -> manifest digest
        AtomicBoolean pushing = new AtomicBoolean(true);
        List<GcRun> done = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                String repo = unique("smoke/c" + c + "-");
                futures.add(clients.submit(() -> {
                    TestPusher pusher = new TestPusher(base);
                    for (int i = 0; i < IMAGES; i++) {
                        String tag = "t" + (i % 4); // every fourth push moves a tag: the old manifest is untagged
                        var image = pusher.image(repo, tag, TestPusher.OCI_MANIFEST, 2, 2048);
                        tags.put(repo + ":" + tag, image.digest());
                    }
                    return null;
                }));
            }
            Thread.ofVirtual().start(() -> {
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (Exception ignored) {
                        // reported below
                    }
                }
                pushing.set(false);
            });
            while (pushing.get()) {
                done.add(runToEnd());
            }
            for (Future<?> f : futures) {
                f.get(); // a failed push fails the test
            }
        }
        Thread.sleep(8500); // let the grace period pass, so the last run may collect what the pushes left behind
        GcRun last = runToEnd();
        done.add(last);

        assertThat(done).allSatisfy(r -> assertThat(r.state()).as(String.valueOf(r)).isEqualTo(GcRun.DONE));
        assertThat(done.stream().mapToLong(GcRun::manifestsDeleted).sum()).as("untagged manifests collected").isPositive();
        assertThat(tags).hasSize(CLIENTS * 4);
        for (Map.Entry<String, String> e : tags.entrySet()) {
            String[] rt = e.getKey().split(":");
            assertPulls(base, rt[0], rt[1], e.getValue());
        }
    }

    GcRun runToEnd() {
        long id = runner.start(false, null, "test").id();
        while (runner.busy()) {
            Thread.onSpinWait();
        }
        return runs.find(id).orElseThrow();
    }

    void assertPulls(String base, String repo, String tag, String digest) throws Exception {
        HttpResponse<byte[]> m = http.send(HttpRequest.newBuilder(URI.create(base + "/v2/" + repo + "/manifests/" + tag))
                .header("Accept", TestPusher.OCI_MANIFEST).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(m.statusCode()).as(repo + ":" + tag).isEqualTo(200);
        assertThat(GcFixture.digestOf(m.body()).toString()).isEqualTo(digest);
        ManifestRefs refs = ManifestRefs.parse(m.body());
        assertThat(refs.blobs()).hasSize(3);
        for (Digest b : refs.blobs()) {
            HttpResponse<byte[]> blob = http.send(HttpRequest.newBuilder(URI.create(base + "/v2/" + repo + "/blobs/" + b))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(blob.statusCode()).as(repo + " blob " + b).isEqualTo(200);
            assertThat(GcFixture.digestOf(blob.body())).isEqualTo(b);
        }
    }
}
