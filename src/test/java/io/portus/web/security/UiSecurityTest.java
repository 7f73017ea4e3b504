package io.portus.web.security;

import io.portus.account.ApplicationTokenService;
import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.support.DatabaseTest;
import io.portus.support.OnDatabase;
import io.portus.team.TeamService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UI's security rules over real HTTP, and proof that the machine surfaces are untouched by them: the
 * registry takes a form-typed blob body as data, the API takes Portus-Auth without CSRF or session.
 */
@ContextConfiguration(initializers = OnDatabase.H2.class)
@TestPropertySource(properties = "portus.registry.auth=none")
class UiSecurityTest extends DatabaseTest {

    static final String PASSWORD = "password-for-ui";

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired TeamService teams;
    @Autowired ApplicationTokenService tokens;

    User user() {
        String name = unique("ui");
        return users.create(NewUser.regular(name, name + "@example.com", PASSWORD));
    }

    @Test
    void pagesNeedASignInAndRedirectToTheForm() {
        BrowserClient browser = new BrowserClient(port);
        user();
        for (String path : new String[] {"/dashboard", "/namespaces", "/teams", "/profile", "/admin/users",
                "/admin/activities.csv", "/search?q=x"}) {
            HttpResponse<String> r = browser.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).as(path).endsWith("/users/sign_in");
        }
        assertThat(browser.get("/users/sign_in").statusCode()).isEqualTo(200);
        assertThat(browser.get("/explore").statusCode()).isEqualTo(200);
    }

    @Test
    void everyFormNeedsTheSessionsCsrfToken() {
        User user = user();
        BrowserClient browser = new BrowserClient(port);
        assertThat(browser.post("/users/sign_in", Map.of("username", user.username(), "password", PASSWORD))
                .statusCode()).as("sign-in without token").isEqualTo(403);
        HttpResponse<String> signedIn = browser.signIn(user.username(), PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String cookie = String.join("; ", signedIn.headers().allValues("Set-Cookie"));
        assertThat(cookie).contains("portus_session=").contains("HttpOnly").contains("SameSite=Lax")
                .as("plain HTTP: no Secure").doesNotContain("Secure");

        String team = unique("team");
        assertThat(browser.post("/teams", Map.of("name", team)).statusCode()).as("no token").isEqualTo(403);
        assertThat(browser.post("/teams", Map.of("name", team, "_csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(teams.findByName(team)).isEmpty();
        HttpResponse<String> created = browser.post("/teams", Map.of("name", team, "_csrf", browser.csrf("/teams")));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(teams.findByName(team)).isPresent();
        assertThat(browser.post("/users/sign_out", Map.of()).statusCode()).as("sign-out needs the token too")
                .isEqualTo(403);
    }

    @Test
    void outputIsEscaped() {
        User user = user();
        teams.create(user, "<script>alert(1)</script>" + unique(""), "<img src=x onerror=alert(2)>", null);
        BrowserClient browser = new BrowserClient(port);
        browser.signIn(user.username(), PASSWORD);
        String html = browser.get("/teams").body();
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
                .contains("&lt;img src=x onerror=alert(2)&gt;");
        HttpResponse<String> page = browser.get("/dashboard");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void tenFailuresShowTheLockoutMessage() {
        User user = user();
        BrowserClient browser = new BrowserClient(port);
        for (int i = 0; i < 9; i++) {
            assertThat(browser.signIn(user.username(), "wrong-" + i).headers().firstValue("Location").orElse(""))
                    .endsWith("/users/sign_in?error");
        }
        assertThat(browser.signIn(user.username(), "wrong-9").headers().firstValue("Location").orElse(""))
                .endsWith("/users/sign_in?locked");
        assertThat(browser.signIn(user.username(), PASSWORD).headers().firstValue("Location").orElse(""))
                .endsWith("/users/sign_in?locked");
        assertThat(browser.get("/users/sign_in?locked").body()).contains("Your account is locked");
    }

    @Test
    void applicationTokensAreNotPasswordsOnTheForm() {
        User user = user();
        String token = tokens.createFor(user, "ci").plainToken();
        assertThat(new BrowserClient(port).signIn(user.username(), token).headers().firstValue("Location").orElse(""))
                .endsWith("/users/sign_in?error");
    }

    @Test
    void theRegistryTakesAFormTypedBlobBodyAsDataWithoutSessionOrCsrf() throws Exception {
        BrowserClient client = new BrowserClient(port);
        byte[] blob = "a=1&b=2&_csrf=x".getBytes(StandardCharsets.UTF_8);
        String digest = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob));
        String repo = "/v2/" + unique("ui") + "/form/blobs/";
        HttpResponse<String> start = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + repo + "uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(start.statusCode()).isEqualTo(202);
        assertThat(start.headers().firstValue("Set-Cookie")).isEmpty();
        String location = start.headers().firstValue("Location").orElseThrow();
        URI upload = URI.create("http://127.0.0.1:" + port).resolve(location);
        String sep = location.contains("?") ? "&" : "?";
        HttpResponse<String> put = client.send(HttpRequest.newBuilder(URI.create(upload + sep + "digest=" + digest))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(blob)).build());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        HttpResponse<String> get = client.get(repo + digest);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("a=1&b=2&_csrf=x");
        assertThat(get.headers().firstValue("X-Frame-Options")).as("no UI headers on /v2").isEmpty();
        assertThat(get.headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(client.get("/v2/").headers().firstValue("Docker-Distribution-API-Version")).hasValue("registry/2.0");
    }

    @Test
    void theApiTakesPortusAuthWithoutSessionOrCsrf() {
        User admin = users.changeAdmin(user(), true);
        String token = tokens.createFor(admin, "api").plainToken();
        BrowserClient client = new BrowserClient(port);
        HttpResponse<String> list = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/users"))
                .header("Portus-Auth", admin.username() + ":" + token).GET().build());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Set-Cookie")).isEmpty();
        String team = unique("apiteam");
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/teams"))
                .header("Portus-Auth", admin.username() + ":" + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + team + "\"}")).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> anonymous = client.get("/api/v1/users");
        assertThat(anonymous.statusCode()).as("the API's own 401, not a redirect to the form").isEqualTo(401);
        assertThat(client.get("/actuator/health").statusCode()).isEqualTo(200);
    }
}
