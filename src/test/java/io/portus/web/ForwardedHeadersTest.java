package io.portus.web;

import io.portus.account.NewUser;
import io.portus.account.UserService;
import io.portus.support.DatabaseTest;
import io.portus.support.OnDatabase;
import io.portus.web.security.BrowserClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a reverse proxy: with {@code server.forward-headers-strategy} = {@code native} (Tomcat's RemoteIpValve,
 * which trusts 127.0.0.1 as an internal proxy) or {@code framework} (Spring's ForwardedHeaderFilter, which also
 * reads RFC 7239 {@code Forwarded}), the registry's token realm and the UI's docker commands use the proxy's
 * scheme, host and port; upload {@code Location}s stay relative, so they follow whatever host the client used.
 * Without the setting (the default) forged forwarded headers change nothing. The brute-force throttle counts
 * the forwarded client behind a trusted proxy, and never a forged one.
 */
@ContextConfiguration(initializers = OnDatabase.H2.class)
class ForwardedHeadersTest extends DatabaseTest {

    private static final String PASSWORD = "password-behind-proxy";
    private static final String[] X_FORWARDED = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "registry.example.com",
            "X-Forwarded-Port", "443", "X-Forwarded-For", "203.0.113.9"};
    private static final Pattern REALM = Pattern.compile("realm=\"([^\"]+)\",service=\"([^\"]+)\"");

    @Autowired UserService users;

    @Test
    void forgedForwardedHeadersChangeNothingByDefault() {
        String user = user();
        try (ConfigurableApplicationContext direct = anotherInstance("portus.registry.auth=token")) {
            int p = port(direct);
            assertThat(realm(p, X_FORWARDED)).isEqualTo("http://127.0.0.1:" + p + "/v2/token");
            assertThat(realm(p, "Forwarded", "proto=https;host=registry.example.com"))
                    .isEqualTo("http://127.0.0.1:" + p + "/v2/token");
            assertThat(dashboard(p, user, X_FORWARDED)).contains("docker login 127.0.0.1:" + p + "<")
                    .doesNotContain("registry.example.com");
            assertThat(uploadLocation(p, user, X_FORWARDED)).startsWith("/v2/" + user + "/app/blobs/uploads/");
        }
    }

    @Test
    void nativeStrategyUsesTheProxysXForwardedHeaders() {
        String user = user();
        try (ConfigurableApplicationContext proxied = anotherInstance("portus.registry.auth=token",
                "server.forward-headers-strategy=native")) {
            int p = port(proxied);
            assertThat(realm(p, X_FORWARDED)).isEqualTo("https://registry.example.com/v2/token");
            assertThat(realm(p, "X-Forwarded-Proto", "http", "X-Forwarded-Host", "portus.lan", "X-Forwarded-Port", "8080"))
                    .isEqualTo("http://portus.lan:8080/v2/token");
            assertThat(realm(p)).as("direct requests are unchanged").isEqualTo("http://127.0.0.1:" + p + "/v2/token");
            assertThat(dashboard(p, user, X_FORWARDED)).contains("docker login registry.example.com<")
                    .contains("docker push registry.example.com/" + user + "/busybox:latest");
            assertThat(uploadLocation(p, user, X_FORWARDED)).startsWith("/v2/" + user + "/app/blobs/uploads/");
        }
    }

    @Test
    void frameworkStrategyAlsoReadsRfc7239Forwarded() {
        String user = user();
        try (ConfigurableApplicationContext proxied = anotherInstance("portus.registry.auth=token",
                "server.forward-headers-strategy=framework")) {
            int p = port(proxied);
            assertThat(realm(p, "Forwarded", "for=203.0.113.9;proto=https;host=registry.example.com"))
                    .isEqualTo("https://registry.example.com/v2/token");
            assertThat(realm(p, X_FORWARDED)).isEqualTo("https://registry.example.com/v2/token");
            assertThat(dashboard(p, user, "Forwarded", "proto=https;host=\"registry.example.com:8443\""))
                    .contains("docker login registry.example.com:8443<");
            assertThat(uploadLocation(p, user, X_FORWARDED)).startsWith("/v2/" + user + "/app/blobs/uploads/");
        }
    }

    @Test
    void theThrottleCountsTheForwardedClientOnlyWhenTheProxyIsTrusted() throws Exception {
        String user = user();
        String wrong = "Basic " + Base64.getEncoder().encodeToString((user + ":wrong").getBytes(StandardCharsets.UTF_8));
        String right = "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String limit = "portus.security.auth-throttle.max-failures-per-minute=2";
        String attacker = randomClient("203.0.113.");
        String other = randomClient("203.0.113.");
        try (ConfigurableApplicationContext proxied = anotherInstance(limit, "server.forward-headers-strategy=native")) {
            int p = port(proxied);
            String token = "/v2/token?service=registry.test";
            assertThat(send(p, token, "GET", "Authorization", wrong, "X-Forwarded-For", attacker).statusCode()).isEqualTo(401);
            assertThat(send(p, token, "GET", "Authorization", wrong, "X-Forwarded-For", attacker).statusCode()).isEqualTo(429);
            assertThat(send(p, token, "GET", "Authorization", right, "X-Forwarded-For", attacker).statusCode()).isEqualTo(429);
            assertThat(send(p, token, "GET", "Authorization", right, "X-Forwarded-For", other).statusCode())
                    .as("another client behind the same proxy").isEqualTo(200);
        }
        try (ConfigurableApplicationContext direct = anotherInstance(limit)) {
            int p = port(direct);
            HttpClient from = HttpClient.newBuilder()
                    .localAddress(InetAddress.getByName(randomClient("127.77."))).build();
            int last = 0;
            for (int i = 0; i < 2; i++) {
                last = from.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p + "/v2/token?service=registry.test"))
                        .header("Authorization", wrong).header("X-Forwarded-For", randomClient("198.51.100.")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode();
            }
            assertThat(last).as("a forged X-Forwarded-For does not make a new client").isEqualTo(429);
        }
    }

    private static String randomClient(String prefix) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return prefix + (prefix.chars().filter(c -> c == '.').count() == 2 ? "" : r.nextInt(0, 256) + ".") + r.nextInt(1, 255);
    }

    private String user() {
        String name = unique("proxied");
        users.create(NewUser.regular(name, name + "@example.com", PASSWORD));
        return name;
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static String realm(int port, String... headers) {
        Matcher m = challenge(port, headers);
        return m.group(1);
    }

    private static Matcher challenge(int port, String... headers) {
        HttpResponse<String> r = send(port, "/v2/", "GET", headers);
        assertThat(r.statusCode()).isEqualTo(401);
        Matcher m = REALM.matcher(r.headers().firstValue("WWW-Authenticate").orElse(""));
        assertThat(m.find()).as(r.headers().toString()).isTrue();
        return m;
    }

    private static String dashboard(int port, String user, String... headers) {
        BrowserClient browser = new BrowserClient(port);
        assertThat(browser.signIn(user, PASSWORD).headers().firstValue("Location").orElse("")).doesNotContain("error");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dashboard"));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> page = browser.send(request.build());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    /** Starts a blob upload with a token of the user's personal namespace; the {@code Location} it answers. */
    private static String uploadLocation(int port, String user, String... headers) {
        String service = challenge(port).group(2);
        String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = send(port, "/v2/token?service=" + service + "&scope=repository:" + user
                + "/app:push,pull", "GET", "Authorization", "Basic " + basic);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        Matcher t = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
        assertThat(t.find()).isTrue();
        String[] all = new String[headers.length + 2];
        System.arraycopy(headers, 0, all, 0, headers.length);
        all[headers.length] = "Authorization";
        all[headers.length + 1] = "Bearer " + t.group(1);
        HttpResponse<String> started = send(port, "/v2/" + user + "/app/blobs/uploads/", "POST", all);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return started.headers().firstValue("Location").orElseThrow();
    }

    private static HttpResponse<String> send(int port, String path, String method, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return new BrowserClient(port).send(request.build());
    }
}
