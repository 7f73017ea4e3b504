package io.portus.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.portus.storage.Digest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that disconnect in the middle of a request body (raw sockets, closed without reading an answer):
 * no blob appears under the announced digest, no tag moves, and an upload session keeps exactly a prefix of
 * what was sent, so the client can resume it. The test waits for the server to have finished the cut
 * request by watching its request counter on /actuator/prometheus of the management port (metrics are for
 * admins only on the main port).
 */
class CutUploadTest extends RegistryTestBase {

    private static final String REPO = "cut/upload";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void managementPort(DynamicPropertyRegistry registry) {
        registry.add("management.server.port", () -> "0");
    }

    @AfterEach
    void close() {
        http.close();
    }

    @Test
    void patchCutMidBodyKeepsWhatArrivedAndCanBeResumed() throws Exception {
        byte[] content = Content.random(10_000);
        String session = client.startUpload(REPO);
        cut("PATCH", session, "Content-Length: 10000", Arrays.copyOf(content, 3000), "upload_patch");
        assertThat(client.head(blob(Digest.sha256(content))).status()).isEqualTo(404);
        Response status = client.get(session);
        assertThat(status.status()).isEqualTo(204);
        assertThat(status.header("Range")).isEqualTo("0-2999");
        finish(session, content, 3000);
    }

    @Test
    void chunkedPatchCutMidChunkKeepsAPrefix() throws Exception {
        byte[] content = Content.random(8000);
        String session = client.startUpload(REPO);
        byte[] body = concat("1f40\r\n".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(content, 2500));
        cut("PATCH", session, "Transfer-Encoding: chunked", body, "upload_patch");
        assertThat(client.head(blob(Digest.sha256(content))).status()).isEqualTo(404);
        assertThat(client.get(session).status()).isEqualTo(204);
        finish(session, content, held(session));
    }

    @Test
    void closingPutCutMidBodyCommitsNothing() throws Exception {
        byte[] content = Content.random(1500);
        String session = client.startUpload(REPO);
        assertThat(client.patch(session, Arrays.copyOf(content, 500), "Content-Type", RegistryClient.OCTET).status())
                .isEqualTo(202);
        Digest digest = Digest.sha256(content);
        cut("PUT", RegistryClient.withQuery(session, "digest=" + digest), "Content-Length: 1000",
                Arrays.copyOfRange(content, 500, 900), "upload_put");
        assertThat(client.head(blob(digest)).status()).isEqualTo(404);
        assertThat(client.get(session).header("Range")).isEqualTo("0-899");
        finish(session, content, 900);
    }

    @Test
    void monolithicPostCutMidBodyLeavesNoBlob() throws Exception {
        byte[] content = Content.random(5000);
        Digest digest = Digest.sha256(content);
        cut("POST", "/v2/" + REPO + "/blobs/uploads/?digest=" + digest, "Content-Length: 5000",
                Arrays.copyOf(content, 2000), "upload_post");
        assertThat(client.head(blob(digest)).status()).isEqualTo(404);
        assertThat(client.pushBlob(REPO, content)).isEqualTo(digest);
    }

    @Test
    void manifestPutCutMidBodyLeavesNoTagAndNoManifest() throws Exception {
        String repo = "cut/manifest";
        Content.Image image = Content.pushImage(client, repo, "keep");
        byte[] manifest = concat(image.manifest(), " ".getBytes(StandardCharsets.US_ASCII));
        Digest digest = Digest.sha256(manifest);
        for (String length : new String[] {"Content-Length: " + manifest.length, "Transfer-Encoding: chunked"}) {
            byte[] part = Arrays.copyOf(manifest, manifest.length / 2);
            byte[] body = length.startsWith("Transfer") ? concat((Integer.toHexString(manifest.length) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII), part) : part;
            cut("PUT", "/v2/" + repo + "/manifests/cut", length + "\r\nContent-Type: " + Content.OCI_MANIFEST, body,
                    "manifest_put");
            assertThat(client.get("/v2/" + repo + "/manifests/cut").status()).as(length).isEqualTo(404);
            assertThat(client.get("/v2/" + repo + "/manifests/" + digest).status()).as(length).isEqualTo(404);
        }
        assertThat(client.get("/v2/" + repo + "/tags/list").json().path("tags").toString()).isEqualTo("[\"keep\"]");
        assertThat(client.putManifest(repo, "cut", Content.OCI_MANIFEST, manifest).status()).isEqualTo(201);
    }

    /** Completes a session that holds {@code content[0..held)} and checks the blob is exactly the content. */
    private void finish(String session, byte[] content, long held) {
        Digest digest = Digest.sha256(content);
        byte[] rest = Arrays.copyOfRange(content, (int) held, content.length);
        Response put = client.put(RegistryClient.withQuery(session, "digest=" + digest), rest,
                "Content-Type", RegistryClient.OCTET);
        assertThat(put.status()).as("resuming at " + held).isEqualTo(201);
        assertThat(client.get(blob(digest)).body()).isEqualTo(content);
    }

    private long held(String session) {
        String range = client.get(session).header("Range");
        return Long.parseLong(range.substring(range.indexOf('-') + 1)) + 1;
    }

    private static String blob(Digest digest) {
        return "/v2/" + REPO + "/blobs/" + digest;
    }

    /**
     * Sends a request head and part of its body, closes the connection without reading, and waits until the
     * server has counted the request as handled.
     */
    private void cut(String method, String target, String headers, byte[] part, String operation) throws Exception {
        double before = handled(method, operation);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + headers + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(part);
            out.flush();
        }
        for (int i = 0; i < 1500 && handled(method, operation) <= before; i++) {
            Thread.sleep(20);
        }
        assertThat(handled(method, operation)).as("the server finished the cut " + operation).isGreaterThan(before);
    }

    /** Requests of one operation and method the registry has finished, from its Prometheus timer. */
    private double handled(String method, String operation) throws IOException, InterruptedException {
        String prefix = "portus_registry_requests_seconds_count{";
        String text = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix) && line.contains("method=\"" + method + "\"")
                    && line.contains("operation=\"" + operation + "\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
