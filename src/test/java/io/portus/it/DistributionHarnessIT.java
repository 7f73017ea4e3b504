package io.portus.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The reference-registry options of the harness work (TLS, token auth challenge, notifications), for tests that rely on them. */
class DistributionHarnessIT {

    @Test
    void servesHttpsWithTheGivenCertificate() throws Exception {
        Path work = ItPaths.newWorkDir("harness-tls");
        Path cert = work.resolve("cert.pem");
        Path key = work.resolve("key.pem");
        openssl(work, "req", "-x509", "-nodes", "-newkey", "rsa:2048", "-days", "2", "-keyout", key.toString(),
                "-out", cert.toString(), "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
        try (DistributionProcess dist = DistributionProcess.builder("harness-tls", work.resolve("storage"))
                .tls(cert, key).quiet().start()) {
            assertThat(dist.baseUri().getScheme()).isEqualTo("https");
            HttpResponse<byte[]> r = new RegistryHttp(dist.baseUri()).get("/v2/");
            assertThat(r.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void tokenAuthChallengesWithRealmAndService() throws Exception {
        Path work = ItPaths.newWorkDir("harness-token");
        Path cert = work.resolve("token.crt");
        openssl(work, "req", "-x509", "-nodes", "-newkey", "rsa:2048", "-days", "2", "-keyout",
                work.resolve("token.key").toString(), "-out", cert.toString(), "-subj", "/CN=token-issuer");
        try (DistributionProcess dist = DistributionProcess.builder("harness-token", work.resolve("storage"))
                .tokenAuth("http://127.0.0.1:9/v2/token", "registry.test", "portus.test", cert).quiet().start()) {
            HttpResponse<byte[]> r = new RegistryHttp(dist.baseUri()).get("/v2/");
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue(
                    "Bearer realm=\"http://127.0.0.1:9/v2/token\",service=\"registry.test\"");
        }
    }

    @Test
    void notificationsReachTheEndpointWithTheConfiguredHeader() throws Exception {
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpServer sink = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        sink.createContext("/events", ex -> {
            received.add(ex.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        sink.start();
        try (DistributionProcess dist = DistributionProcess.builder("harness-notify", ItPaths.newWorkDir("harness-notify"))
                .notifications("http://127.0.0.1:" + sink.getAddress().getPort() + "/events",
                        Map.of("Authorization", "Bearer s3cret")).quiet().start()) {
            String digest = new RegistryHttp(dist.baseUri()).pushBlob("harness/notify", "hello".getBytes(StandardCharsets.UTF_8));
            String event = received.poll(30, TimeUnit.SECONDS);
            assertThat(event).as("a notification within 30 s").isNotNull().startsWith("Bearer s3cret ");
            var first = Json.parse(event.substring("Bearer s3cret ".length())).path("events").get(0);
            assertThat(first.path("action").asString()).isEqualTo("push");
            assertThat(first.path("target").path("digest").asString()).isEqualTo(digest);
        } finally {
            sink.stop(0);
        }
    }

    private static void openssl(Path dir, String... args) throws Exception {
        Path openssl = Tools.require("openssl", "openssl");
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(openssl.toString()));
        cmd.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("openssl %s: %s", cmd, out).isTrue();
    }
}
