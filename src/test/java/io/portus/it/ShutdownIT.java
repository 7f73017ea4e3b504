package io.portus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Graceful shutdown (issue #13): a blob upload PATCH streaming slowly when SIGTERM arrives finishes and the
 * session is completed after a restart; one that takes longer than the shutdown timeout
 * ({@code PORTUS_SHUTDOWN_TIMEOUT}) is cut, and after a restart the client reads how much arrived and resumes
 * from there; pull times kept in memory (written every 5 s) are written at shutdown. One jar, stopped and
 * restarted by the cases (same port and data).
 */
class ShutdownIT {

    private static final int SIZE = 2 << 20;
    private static final int PIECE = 64 << 10;
    private static PortusProcess portus;

    @BeforeAll
    static void start() {
        portus = PortusProcess.builder("shutdown").env("PORTUS_SHUTDOWN_TIMEOUT", "8s").start();
    }

    @AfterAll
    static void stop() {
        if (portus != null) {
            portus.close();
        }
    }

    @Test
    void anUploadInFlightAtSigtermFinishesAndIsCompletedAfterTheRestart() throws Exception {
        byte[] blob = random(SIZE, 1);
        URI upload = startUpload("shutdown/finishes");
        // 32 pieces 50 ms apart: under 2 s of body, SIGTERM after the first quarter
        SlowBody body = new SlowBody(blob, 0, 50, SIZE / 4);
        CompletableFuture<HttpResponse<String>> patch = Http.newClient(false).sendAsync(HttpRequest.newBuilder(upload)
                .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .header("Content-Type", "application/octet-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(body.reached.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(portus::stop);
        HttpResponse<String> r = patch.get(60, TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(r.headers().firstValue("Range")).hasValue("0-" + (SIZE - 1));
        stopped.get(60, TimeUnit.SECONDS);
        assertThat(portus.isRunning()).isFalse();

        portus.restart();
        complete(upload, blob);
    }

    @Test
    void anUploadLongerThanTheShutdownTimeoutIsCutAndResumedAfterTheRestart() throws Exception {
        byte[] blob = random(SIZE, 2);
        URI upload = startUpload("shutdown/resumes");
        // 32 pieces a second apart: far longer than the 8 s the shutdown waits
        SlowBody body = new SlowBody(blob, 0, 1000, 4 * PIECE);
        CompletableFuture<HttpResponse<String>> patch = Http.newClient(false).sendAsync(HttpRequest.newBuilder(upload)
                .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .header("Content-Type", "application/octet-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(body.reached.await(30, TimeUnit.SECONDS)).isTrue();
        portus.stop();
        assertThat(portus.isRunning()).isFalse();
        assertThatThrownBy(() -> patch.get(30, TimeUnit.SECONDS)).as("the server went away during the body")
                .hasCauseInstanceOf(IOException.class);
        body.stop();

        portus.restart();
        HttpResponse<Void> status = Http.client(false).send(HttpRequest.newBuilder(upload).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(status.statusCode()).isEqualTo(204);
        String range = status.headers().firstValue("Range").orElseThrow();
        int kept = Integer.parseInt(range.substring(range.indexOf('-') + 1)) + 1;
        assertThat(kept).as("what arrived before the cut is kept").isPositive().isLessThan(SIZE);
        HttpResponse<String> rest = Http.client(false).send(HttpRequest.newBuilder(upload)
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(blob, kept, SIZE)))
                .header("Content-Type", "application/octet-stream")
                .header("Content-Range", kept + "-" + (SIZE - 1)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(202);
        complete(upload, blob);
    }

    @Test
    void pullTimesStillInMemoryAtSigtermAreWrittenBeforeExit() throws Exception {
        String admin = "admin:" + Json.parse(send("POST", "/api/v1/users/bootstrap", null,
                "{\"user\":{\"username\":\"admin\",\"email\":\"admin@example.com\",\"password\":\"correct-horse-1\"}}")
                .body()).path("plain_token").asString();
        new Skopeo(ItPaths.newWorkDir("shutdown-skopeo")).copy(TestImages.get("busybox").ref("busybox"),
                "docker://" + portus.hostPort() + "/shutdown/pulls:1");
        String tags = awaitTags(admin);
        assertThat(Json.parse(tags).get(0).path("pulled_at").isString()).as("never pulled: " + tags).isFalse();

        // pull times are written every 5 s: SIGTERM right after the pull, so the last write is the one at shutdown
        HttpResponse<Void> pull = Http.client(false).send(HttpRequest.newBuilder(portus.baseUri()
                .resolve("/v2/shutdown/pulls/manifests/1")).header("Accept", RegistryHttp.ACCEPT_MANIFESTS).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(pull.statusCode()).isEqualTo(200);
        portus.stop();
        portus.restart();
        JsonNode tag = Json.parse(awaitTags(admin)).get(0);
        assertThat(tag.path("pulled_at").isString()).as("pulled: " + tag).isTrue();
    }

    /** The tags of the only repository, once the catalog has it ({@code GET /api/v1/repositories/:id/tags}). */
    private static String awaitTags(String admin) throws Exception {
        for (int i = 0; i < 300; i++) {
            JsonNode repositories = Json.parse(send("GET", "/api/v1/repositories", admin, null).body());
            if (!repositories.isEmpty()) {
                String tags = send("GET", "/api/v1/repositories/" + repositories.get(0).path("id").asLong() + "/tags",
                        admin, null).body();
                if (!Json.parse(tags).isEmpty()) {
                    return tags;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the pushed tag did not reach the catalog");
    }

    private static HttpResponse<String> send(String method, String path, String portusAuth, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(portus.baseUri().resolve(path)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (portusAuth != null) {
            b.header("Portus-Auth", portusAuth);
        }
        return Http.client(false).send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI startUpload(String repository) throws Exception {
        HttpResponse<String> r = Http.client(false).send(HttpRequest.newBuilder(
                        portus.baseUri().resolve("/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return portus.baseUri().resolve(r.headers().firstValue("Location").orElseThrow());
    }

    /** Closes the session with {@code PUT ?digest=} (no body) and reads the blob back. */
    private static void complete(URI upload, byte[] blob) throws Exception {
        String digest = Digests.sha256(blob);
        String sep = upload.getRawQuery() == null ? "?" : "&";
        HttpResponse<String> put = Http.client(false).send(HttpRequest.newBuilder(
                        URI.create(upload + sep + "digest=" + digest)).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        HttpResponse<byte[]> get = Http.client(false).send(HttpRequest.newBuilder(
                        portus.baseUri().resolve(put.headers().firstValue("Location").orElseThrow())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(blob);
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    /** {@code blob} from {@code from}, a pause before each {@value #PIECE} bytes; {@link #reached} after {@code signalAt} bytes. */
    private static final class SlowBody extends InputStream {
        final CountDownLatch reached = new CountDownLatch(1);
        private final byte[] blob;
        private final long pauseMillis;
        private final int signalAt;
        private volatile boolean stopped;
        private int pos;

        SlowBody(byte[] blob, int from, long pauseMillis, int signalAt) {
            this.blob = blob;
            this.pos = from;
            this.pauseMillis = pauseMillis;
            this.signalAt = signalAt;
        }

        void stop() {
            stopped = true;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= blob.length) {
                return -1;
            }
            if (stopped) {
                throw new IOException("stopped by the test");
            }
            if (pos >= signalAt) {
                reached.countDown();
            }
            if (pos % PIECE == 0) {
                ServerProcess.sleep(pauseMillis);
            }
            int n = Math.min(Math.min(len, PIECE - pos % PIECE), blob.length - pos);
            System.arraycopy(blob, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
