package io.portus.auth.token;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;

/** {@code /v2/token} over real HTTP on a minimal server: the answers of docs/compatibility.md#token-endpoint. */
abstract class TokenEndpointTest {

    @TempDir
    static Path dir;

    static ConfigurableApplicationContext context;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();

    /** Not a @Configuration on purpose: component scans of the whole application must not pick it up. */
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            ErrorMvcAutoConfiguration.class})
    @EnableConfigurationProperties(TokenProperties.class)
    @Import({TokenConfiguration.class, TokenController.class})
    static class App {
        @Bean
        FakeAccessModel fakeAccessModel() {
            return new FakeAccessModel();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        var keys = TestKeys.rsa();
        Path key = TestKeys.writePkcs8(dir.resolve("server-key.pem"), keys.getPrivate());
        TestKeys.writePem(dir.resolve("server-crt.pem"), TestKeys.selfSigned(keys, "localhost"));
        context = new SpringApplicationBuilder(App.class).run("--server.port=0", "--server.address=127.0.0.1",
                "--portus.data-dir=" + dir, "--portus.machine-fqdn=portus.test.lan",
                "--portus.token.key-path=" + key, "--portus.registry.service=" + FakeAccessModel.SERVICE,
                "--portus.token.reuse-window=0s");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        base = "http://127.0.0.1:" + port + "/v2/token";
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    static HttpResponse<String> get(String query, String user, String password) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + (query.isEmpty() ? "" : "?" + query))).GET();
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** The decoded claims of the response's token. */
    static JsonNode claims(HttpResponse<String> response) {
        String token = body(response).get("token") != null ? body(response).get("token").asString()
                : body(response).get("access_token").asString();
        return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    static void assertIssuedAtIsRfc3339(JsonNode body) {
        Instant.parse(body.get("issued_at").asString());
    }
}
