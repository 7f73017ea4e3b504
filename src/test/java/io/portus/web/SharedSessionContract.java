package io.portus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.support.DatabaseTest;
import io.portus.team.TeamService;
import io.portus.web.security.BrowserClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * UI sessions live in the database (Spring Session JDBC, tables of migration V50): a session made by one
 * instance is accepted by another on the same database, its CSRF token included, and signing out on one ends
 * it on both.
 */
abstract class SharedSessionContract extends DatabaseTest {

    private static final String PASSWORD = "password-for-sessions";
    private static final Pattern COOKIE = Pattern.compile("portus_session=([^;]+)");
    private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired TeamService teams;
    @Autowired JdbcClient jdbc;

    @Test
    void aSessionOfOneInstanceIsAcceptedByAnother() {
        String name = unique("session");
        User user = users.create(NewUser.regular(name, name + "@example.com", PASSWORD));
        BrowserClient browser = new BrowserClient(port);
        HttpResponse<String> signedIn = browser.signIn(user.username(), PASSWORD);
        Matcher cookie = COOKIE.matcher(String.join("; ", signedIn.headers().allValues("Set-Cookie")));
        assertThat(cookie.find()).as("the session cookie keeps its name").isTrue();
        String session = "portus_session=" + cookie.group(1);
        assertThat(String.join("; ", signedIn.headers().allValues("Set-Cookie"))).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?").param(user.username())
                .query(Long.class).single()).isEqualTo(1);

        try (ConfigurableApplicationContext other = anotherInstance()) {
            int otherPort = Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
            HttpResponse<String> dashboard = send(otherPort, "GET", "/teams", session, null);
            assertThat(dashboard.statusCode()).as("signed in on the other instance").isEqualTo(200);
            assertThat(dashboard.body()).contains(user.username());
            Matcher csrf = CSRF.matcher(dashboard.body());
            assertThat(csrf.find()).isTrue();

            String team = unique("shared");
            String firstInstancesToken = browser.csrf("/teams");
            HttpResponse<String> created = send(otherPort, "POST", "/teams", session, "name=" + team + "&_csrf="
                    + URLEncoder.encode(firstInstancesToken, StandardCharsets.UTF_8));
            assertThat(created.statusCode()).as("the CSRF token of the first instance's page").isEqualTo(302);
            assertThat(teams.findByName(team)).isPresent();
            String location = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
            assertThat(browser.get(location).body()).as("its flash message, on the first instance")
                    .contains("Team " + team + " created.");

            assertThat(send(otherPort, "POST", "/users/sign_out", session, "_csrf="
                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)).statusCode()).isEqualTo(302);
            HttpResponse<String> after = browser.get("/teams");
            assertThat(after.statusCode()).as("signed out everywhere").isEqualTo(302);
            assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/users/sign_in");
        }
    }

    @Test
    void aNewTokenIsShownInTheAnswerAndNeverWrittenToTheSessionTable() {
        String name = unique("tokens");
        User user = users.create(NewUser.regular(name, name + "@example.com", PASSWORD));
        BrowserClient browser = new BrowserClient(port);
        browser.signIn(user.username(), PASSWORD);
        HttpResponse<String> created = browser.post("/profile/tokens", java.util.Map.of("application", "laptop",
                "_csrf", browser.csrf("/profile")));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        Matcher token = Pattern.compile("Token <strong>laptop</strong> created.*?<code[^>]*>([A-Za-z0-9_-]{40,})</code>",
                Pattern.DOTALL).matcher(created.body());
        assertThat(token.find()).as(created.body()).isTrue();
        byte[] plain = token.group(1).getBytes(StandardCharsets.UTF_8);
        for (byte[] stored : jdbc.sql("SELECT ATTRIBUTE_BYTES FROM SPRING_SESSION_ATTRIBUTES").query(byte[].class).list()) {
            assertThat(indexOf(stored, plain)).as("the plain token in a stored session").isEqualTo(-1);
        }
        assertThat(browser.get("/profile").body()).contains("laptop").doesNotContain(token.group(1));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static HttpResponse<String> send(int port, String method, String path, String cookie, String form) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Cookie", cookie);
        if (form != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
        }
        b.method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
