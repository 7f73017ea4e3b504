package io.portus.web.security;

import io.portus.account.ApplicationTokenService;
import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.support.DatabaseTest;
import io.portus.support.OnDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metrics and the SBOM are for admins on the main port (UI session, Portus-Auth, or Basic with an application token
 * as Prometheus' basic_auth sends it); health is public and tells the status only; with a management port the
 * endpoints move there, open, and leave the main port.
 */
@ContextConfiguration(initializers = OnDatabase.H2.class)
class ActuatorAccessTest extends DatabaseTest {

    private static final String PASSWORD = "password-for-metrics";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired ApplicationTokenService tokens;

    @Test
    void anonymousCallersGet401WithoutABody() {
        BrowserClient anonymous = new BrowserClient(port);
        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.memory.used",
                "/actuator", "/actuator/info", "/actuator/prometheus?includedNames=x", "/actuator/sbom",
                "/actuator/sbom/application"}) {
            HttpResponse<String> r = anonymous.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.body()).as(path).isEmpty();
            assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).as(path).startsWith("Basic realm=");
        }
        assertThat(get("/actuator/prometheus", "Portus-Auth", "nobody:wrong").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "Authorization", "Basic !!!").statusCode()).isEqualTo(401);
    }

    @Test
    void healthsPathDoesNotOpenTheOthers() throws Exception {
        for (String path : new String[] {"/actuator/health/../prometheus", "/actuator/health/%2e%2e/prometheus",
                "/actuator/health/..;/prometheus", "/actuator/health;/../prometheus", "/actuator/health/%2E%2E%2Fprometheus"}) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).as(path).doesNotStartWith("HTTP/1.1 200").doesNotContain("jvm_memory_used_bytes");
            }
        }
    }

    @Test
    void healthIsPublicAndTellsTheStatusOnly() {
        HttpResponse<String> health = new BrowserClient(port).get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
        assertThat(new BrowserClient(port).get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        User admin = user(true);
        String token = tokens.createFor(admin, "probe").plainToken();
        assertThat(get("/actuator/health", "Portus-Auth", admin.username() + ":" + token).body())
                .as("no details for admins either").doesNotContain("components").doesNotContain("details");
    }

    @Test
    void nonAdminsAreRefused() {
        User user = user(false);
        String token = tokens.createFor(user, "scraper").plainToken();
        assertThat(get("/actuator/prometheus", "Portus-Auth", user.username() + ":" + token).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", "Authorization", basic(user.username(), token)).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/sbom/application", "Portus-Auth", user.username() + ":" + token).statusCode())
                .isEqualTo(403);
        BrowserClient browser = new BrowserClient(port);
        browser.signIn(user.username(), PASSWORD);
        HttpResponse<String> r = browser.get("/actuator/metrics");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEmpty();
    }

    /** The SBOM the build writes (cyclonedx-maven-plugin, META-INF/sbom/application.cdx.json): runtime only. */
    @Test
    void adminsReadTheSbomOfTheRuntimeDependencies() {
        User admin = user(true);
        String token = tokens.createFor(admin, "sbom").plainToken();
        HttpResponse<String> ids = get("/actuator/sbom", "Portus-Auth", admin.username() + ":" + token);
        assertThat(ids.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ids.body()).get("ids").toString()).isEqualTo("[\"application\"]");
        HttpResponse<String> r = get("/actuator/sbom/application", "Portus-Auth", admin.username() + ":" + token);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.cyclonedx+json");
        JsonNode sbom = JSON.readTree(r.body());
        assertThat(sbom.get("bomFormat").asString()).isEqualTo("CycloneDX");
        assertThat(sbom.at("/metadata/component/name").asString()).isEqualTo("portus");
        List<String> components = new ArrayList<>();
        sbom.get("components").forEach(c -> components.add(c.get("group").asString() + ":" + c.get("name").asString()
                + " " + c.get("scope").asString()));
        assertThat(components).contains("org.springframework.boot:spring-boot required",
                "com.nimbusds:nimbus-jose-jwt required", "org.flywaydb:flyway-core required");
        assertThat(components).as("test and build-time dependencies are not shipped")
                .noneMatch(c -> c.matches("(?i).*(playwright|greenmail|fabric8|archunit|junit|mockito|assertj"
                        + "|authorization-server|configuration-processor|s3proxy).*"))
                .allMatch(c -> c.endsWith(" required"));
    }

    @Test
    void adminsReadMetricsByHeaderBasicOrSession() {
        User admin = user(true);
        String token = tokens.createFor(admin, "prometheus").plainToken();
        HttpResponse<String> byHeader = get("/actuator/prometheus", "Portus-Auth", admin.username() + ":" + token);
        assertThat(byHeader.statusCode()).isEqualTo(200);
        assertThat(byHeader.body()).contains("jvm_memory_used_bytes");
        HttpResponse<String> byBasic = get("/actuator/prometheus", "Authorization", basic(admin.username(), token));
        assertThat(byBasic.statusCode()).isEqualTo(200);
        assertThat(byBasic.body()).contains("hikaricp_connections");
        assertThat(get("/actuator/metrics", "Authorization", basic(admin.username(), PASSWORD)).statusCode())
                .as("passwords are not taken here, only application tokens").isEqualTo(401);
        BrowserClient browser = new BrowserClient(port);
        browser.signIn(admin.username(), PASSWORD);
        HttpResponse<String> bySession = browser.get("/actuator/metrics");
        assertThat(bySession.statusCode()).isEqualTo(200);
        assertThat(bySession.body()).contains("\"names\"");
    }

    @Test
    void aManagementPortServesTheEndpointsOpenlyAndTheMainPortNoLonger() {
        try (ConfigurableApplicationContext other = anotherInstance("management.server.port=0",
                "management.server.address=127.0.0.1")) {
            int main = Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
            int management = Integer.parseInt(other.getEnvironment().getProperty("local.management.port"));
            assertThat(management).isNotEqualTo(main);
            HttpResponse<String> scrape = new BrowserClient(management).get("/actuator/prometheus");
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("jvm_memory_used_bytes");
            assertThat(new BrowserClient(management).get("/actuator/health").body()).doesNotContain("components");
            HttpResponse<String> onMain = new BrowserClient(main).get("/actuator/prometheus");
            assertThat(onMain.statusCode()).isIn(401, 404);
            assertThat(onMain.body()).doesNotContain("jvm_memory_used_bytes");
            User admin = user(true);
            String token = tokens.createFor(admin, "main-port").plainToken();
            HttpResponse<String> adminOnMain = new BrowserClient(main).send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + main + "/actuator/prometheus"))
                    .header("Portus-Auth", admin.username() + ":" + token).build());
            assertThat(adminOnMain.statusCode()).as("not served on the main port at all").isEqualTo(404);
            assertThat(adminOnMain.body()).doesNotContain("jvm_memory_used_bytes");
        }
    }

    private User user(boolean admin) {
        String name = unique(admin ? "metricsadmin" : "metricsuser");
        return users.create(new NewUser(name, name + "@example.com", PASSWORD, null, admin, false));
    }

    private HttpResponse<String> get(String path, String header, String value) {
        return new BrowserClient(port).send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(header, value).GET().build());
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
