package io.portus.registry.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DebugServerTest {

    private static HttpResponse<String> get(DebugServer server, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void healthIs503NamingTheFailedCheck() throws Exception {
        DebugServer server = new DebugServer("127.0.0.1:0", () -> {
            throw new IOException("storage root unreadable");
        }, new DebugVars(new RegistryMetrics(new SimpleMeterRegistry())));
        server.start();
        try {
            HttpResponse<String> r = get(server, "/debug/health");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("storagedriver").contains("storage root unreadable");
            assertThat(get(server, "/debug/vars").statusCode()).isEqualTo(200);
        } finally {
            server.stop();
        }
        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void addressesAreParsedLikeDistribution() {
        assertThat(DebugServer.parse(":5001").getPort()).isEqualTo(5001);
        assertThat(DebugServer.parse(":5001").getAddress().isAnyLocalAddress()).isTrue();
        assertThat(DebugServer.parse("127.0.0.1:0").getHostString()).isEqualTo("127.0.0.1");
        assertThat(DebugServer.parse("[::1]:7").getPort()).isEqualTo(7);
        for (String bad : new String[] {"5001", "host:", "host:x", "host:70000", ""}) {
            assertThatThrownBy(() -> DebugServer.parse(bad)).as(bad).isInstanceOf(RegistryStartupException.class)
                    .hasMessageContaining("REGISTRY_HTTP_DEBUG_ADDR");
        }
    }
}
