package io.portus.registry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S3 that does not answer (nothing listens on its port): the registry starts, answers 503 UNAVAILABLE with
 * Retry-After and no internals, and the health endpoints and readiness report the storage down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portus.registry.auth=none", "portus.registry.storage.driver=s3",
                "portus.registry.storage.s3.bucket=registry", "portus.registry.storage.s3.access-key=ak",
                "portus.registry.storage.s3.secret-key=sk-secret"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class S3UnavailableTest {

    @TempDir
    static Path dataDir;

    static int deadPort;
    static int debugPort;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            debugPort = s.getLocalPort();
        }
        registry.add("portus.registry.debug-addr", () -> "127.0.0.1:" + debugPort);
        registry.add("portus.data-dir", () -> dataDir.toString());
        registry.add("portus.registry.storage.s3.region-endpoint", () -> "127.0.0.1:" + deadPort);
        registry.add("portus.registry.storage.s3.secure", () -> "false");
    }

    @Test
    void registryRequestsAre503UnavailableWithRetryAfter() {
        Response r = RawHttp.send(port, "POST /v2/down/app/blobs/uploads/ HTTP/1.1\r\nContent-Length: 0");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.errorCode()).isEqualTo("UNAVAILABLE");
        assertThat(r.header("Retry-After")).isNotBlank();
        assertThat(r.header("Docker-Distribution-API-Version")).isEqualTo("registry/2.0");
        assertThat(r.text()).doesNotContain("127.0.0.1").doesNotContain(String.valueOf(deadPort))
                .doesNotContain("Exception").doesNotContain("sk-secret");
        Response get = RawHttp.send(port, "GET /v2/down/app/tags/list HTTP/1.1");
        assertThat(get.status()).isEqualTo(503);
        assertThat(get.errorCode()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void healthAndReadinessReportTheStorageDown() {
        Response health = S3RegistryTestBase.plainGet(port, "/api/v1/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().path("storage").path("success").asBoolean()).isFalse();
        assertThat(health.json().path("storage").path("msg").asString()).contains("s3").contains("not reachable")
                .doesNotContain("sk-secret");
        assertThat(S3RegistryTestBase.plainGet(port, "/actuator/health/readiness").status()).isEqualTo(503);
        assertThat(S3RegistryTestBase.plainGet(port, "/actuator/health/liveness").status()).isEqualTo(200);
        Response debug = S3RegistryTestBase.plainGet(debugPort, "/debug/health");
        assertThat(debug.status()).isEqualTo(503);
        assertThat(debug.json().path("storagedriver").asString()).contains("s3").doesNotContain("sk-secret");
    }
}
