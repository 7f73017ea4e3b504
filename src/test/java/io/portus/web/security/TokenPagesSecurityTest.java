package io.portus.web.security;

import io.portus.account.ApplicationToken;
import io.portus.account.ApplicationTokenService;
import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.support.DatabaseTest;
import io.portus.support.OnDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token pages over real HTTP: the admin list and Revoke are for admins only and need the session's CSRF token;
 * the profile form creates a scoped expiring token and refuses a bad scope with a message, not a 500.
 */
@ContextConfiguration(initializers = OnDatabase.H2.class)
class TokenPagesSecurityTest extends DatabaseTest {

    static final String PASSWORD = "password-for-tokens";

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired ApplicationTokenService tokens;

    User user(boolean admin) {
        String name = unique("tp");
        return users.create(new NewUser(name, name + "@example.com", PASSWORD, null, admin, false));
    }

    /** Posts the profile's token form as a browser does, with the Referer the error redirect goes back to. */
    HttpResponse<String> fromProfile(BrowserClient browser, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/profile/tokens"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Referer", "http://127.0.0.1:" + port + "/profile")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The page a redirect ends on (where the flash message is shown). */
    static String follow(BrowserClient browser, HttpResponse<String> redirect) {
        var response = redirect;
        for (int i = 0; i < 3 && response.statusCode() == 302; i++) {
            response = browser.get(URI.create(response.headers().firstValue("Location").orElseThrow()).getPath());
        }
        return response.body();
    }

    @Test
    void onlyAdminsSeeAndRevokeEveryTokenWithTheCsrfToken() {
        User owner = user(false);
        long id = tokens.createFor(owner, "ci").id();
        BrowserClient someone = new BrowserClient(port);
        someone.signIn(user(false).username(), PASSWORD);
        assertThat(someone.get("/admin/application_tokens").statusCode()).isEqualTo(403);
        String csrf = someone.csrf("/profile");
        assertThat(someone.post("/admin/application_tokens/" + id + "/revoke", Map.of("_csrf", csrf)).statusCode())
                .isEqualTo(403);

        BrowserClient admin = new BrowserClient(port);
        admin.signIn(user(true).username(), PASSWORD);
        String list = admin.get("/admin/application_tokens").body();
        assertThat(list).contains(owner.username()).contains("/admin/application_tokens/" + id + "/revoke");
        assertThat(admin.post("/admin/application_tokens/" + id + "/revoke", Map.of()).statusCode()).as("no CSRF token")
                .isEqualTo(403);
        assertThat(tokens.list(owner, owner.id())).extracting(ApplicationToken::id).contains(id);
        var revoked = admin.post("/admin/application_tokens/" + id + "/revoke",
                Map.of("_csrf", admin.csrf("/admin/application_tokens")));
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(tokens.list(owner, owner.id())).extracting(ApplicationToken::id).doesNotContain(id);
    }

    @Test
    void theProfileCreatesAScopedExpiringTokenAndExplainsABadScope() {
        User owner = user(false);
        BrowserClient browser = new BrowserClient(port);
        browser.signIn(owner.username(), PASSWORD);
        var created = browser.post("/profile/tokens", Map.of("_csrf", browser.csrf("/profile"), "application", "ci",
                "expiry", "7", "scope", "scoped", "scope_namespace", "team1", "scope_repository", "app",
                "scope_actions", "pull"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("Token <strong>ci</strong> created").contains("team1/app: pull");
        ApplicationToken token = tokens.list(owner, owner.id()).getFirst();
        assertThat(token.scope().format()).isEqualTo("team1/app:pull");
        assertThat(token.expiresAt()).isNotNull();

        var refused = fromProfile(browser, Map.of("_csrf", browser.csrf("/profile"), "application", "ci2",
                "scope", "scoped", "scope_namespace", "Team One", "scope_actions", "pull"));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(follow(browser, refused)).contains("is not a valid namespace name");
        var noDate = fromProfile(browser, Map.of("_csrf", browser.csrf("/profile"), "application", "ci3",
                "expiry", "custom"));
        assertThat(noDate.statusCode()).isEqualTo(302);
        assertThat(follow(browser, noDate)).contains("needs a date");
        assertThat(tokens.list(owner, owner.id())).hasSize(1);
    }
}
