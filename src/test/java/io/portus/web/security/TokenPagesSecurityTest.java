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

import java.util.Map;

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

        var refused = browser.post("/profile/tokens", Map.of("_csrf", browser.csrf("/profile"), "application", "ci2",
                "scope", "scoped", "scope_namespace", "Team One", "scope_actions", "pull"));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(browser.get("/profile").body()).contains("is not a valid namespace name");
        var noDate = browser.post("/profile/tokens", Map.of("_csrf", browser.csrf("/profile"), "application", "ci3",
                "expiry", "custom"));
        assertThat(noDate.statusCode()).isEqualTo(302);
        assertThat(browser.get("/profile").body()).contains("needs a date");
        assertThat(tokens.list(owner, owner.id())).hasSize(1);
    }
}
