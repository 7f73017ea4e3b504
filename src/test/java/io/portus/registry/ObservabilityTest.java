package io.portus.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.portus.storage.Digest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metrics on /actuator/prometheus of the management port (as a Prometheus on a private network scrapes them:
 * without credentials), and the debug server of REGISTRY_HTTP_DEBUG_ADDR.
 */
class ObservabilityTest extends RegistryTestBase {

    private static final int DEBUG_PORT = freePort();

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void debugAddr(DynamicPropertyRegistry registry) {
        registry.add("portus.registry.debug-addr", () -> "127.0.0.1:" + DEBUG_PORT);
        registry.add("management.server.port", () -> "0");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> plainGet(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void inventedMethodsShareOneMetricTag() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (String method : new String[] {"BREW", "BREWX", "PROPFIND"}) {
                http.send(HttpRequest.newBuilder(URI.create(client.base() + "/v2/metrics/app/blobs/uploads/"))
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            }
        }
        String text = plainGet("http://127.0.0.1:" + managementPort + "/actuator/prometheus").body();
        assertThat(text).contains("method=\"OTHER\",operation=\"upload_other\"").doesNotContain("BREW")
                .doesNotContain("PROPFIND");
    }

    @Test
    void requestTimersAndByteCountersAreOnPrometheus() throws Exception {
        byte[] blob = Content.random(5000);
        Digest digest = client.pushBlob("metrics/app", blob);
        client.get("/v2/metrics/app/blobs/" + digest);
        client.get("/v2/metrics/app/manifests/missing");
        String text = plainGet("http://127.0.0.1:" + managementPort + "/actuator/prometheus").body();
        assertThat(text).contains("portus_registry_requests_seconds_count{method=\"GET\",operation=\"blob_get\",status=\"200\"}");
        assertThat(text).contains("operation=\"upload_put\",status=\"201\"");
        assertThat(text).contains("operation=\"upload_post\",status=\"202\"");
        assertThat(text).contains("operation=\"manifest_get\",status=\"404\"");
        assertThat(text).contains("portus_registry_uploads_inflight");
        assertThat(value(text, "portus_registry_bytes_in_total")).isGreaterThanOrEqualTo(5000);
        assertThat(value(text, "portus_registry_bytes_out_total")).isGreaterThanOrEqualTo(5000);
        assertThat(text).contains("portus_registry_events_dropped_total");
    }

    private static double value(String prometheus, String metric) {
        return prometheus.lines().filter(l -> l.startsWith(metric + " ") || l.startsWith(metric + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void debugServerAnswersHealthAndVars() throws Exception {
        client.get("/v2/");
        HttpResponse<String> health = plainGet("http://127.0.0.1:" + DEBUG_PORT + "/debug/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{}");
        HttpResponse<String> vars = plainGet("http://127.0.0.1:" + DEBUG_PORT + "/debug/vars");
        assertThat(vars.statusCode()).isEqualTo(200);
        JsonNode json = JsonMapper.builder().build().readTree(vars.body());
        assertThat(json.path("uptimeSeconds").isNumber()).isTrue();
        assertThat(json.path("memory").path("heapUsed").asLong()).isPositive();
        assertThat(json.path("threads").path("live").asInt()).isPositive();
        assertThat(json.path("requests").path("byOperation").path("base_get").asLong()).isPositive();
        assertThat(json.path("requests").path("total").asLong()).isPositive();
    }
}
