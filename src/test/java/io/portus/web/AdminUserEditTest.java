package io.portus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.support.DatabaseTest;
import io.portus.support.OnDatabase;
import io.portus.web.security.BrowserClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * An admin edits a user over real HTTP: name, e-mail, display name and password change, bad values come back by
 * field with nothing changed, a non-admin is refused and the hidden {@code portus} user cannot be edited.
 * Same context as {@code DeletePagesTest}.
 */
@ContextConfiguration(initializers = OnDatabase.H2.class)
class AdminUserEditTest extends DatabaseTest {

    static final String PASSWORD = "password-for-user-edits";

    @LocalServerPort int port;
    @Autowired UserService users;

    @Test
    void anAdminChangesAUserAndBadValuesComeBackByField() {
        User admin = user("admin", true);
        User bob = user("bob", false);
        BrowserClient browser = signedIn(admin);
        // the list is paged and the context is shared: some row has an edit link, bob's may be on another page
        assertThat(browser.get("/admin/users").body()).contains("class=\"btn btn-outline-secondary btn-sm edit-user\"");
        String path = "/admin/users/" + bob.id() + "/edit";
        String csrf = browser.csrf(path);

        var bad = browser.post(path, Map.of("_csrf", csrf, "username", "no spaces allowed", "email", "not-an-email",
                "displayName", "", "password", "short"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("cannot contain", "is invalid", "is too short");
        assertThat(users.get(bob.id()).username()).isEqualTo(bob.username());

        String renamed = unique("robert");
        var saved = browser.post(path, Map.of("_csrf", csrf, "username", renamed, "email", renamed + "@example.com",
                "displayName", "Robert", "password", "a-new-password-for-bob"));
        assertThat(saved.statusCode()).isEqualTo(302);
        User after = users.get(bob.id());
        assertThat(after.username()).isEqualTo(renamed);
        assertThat(after.email()).isEqualTo(renamed + "@example.com");
        assertThat(after.displayName()).isEqualTo("Robert");
        assertThat(new BrowserClient(port).signIn(renamed, "a-new-password-for-bob").statusCode()).isEqualTo(302);
    }

    @Test
    void othersAreRefusedAndThePortusUserIsNotEditable() {
        User admin = user("admin", true);
        User carol = user("carol", false);
        BrowserClient asCarol = signedIn(carol);
        assertThat(asCarol.get("/admin/users/" + admin.id() + "/edit").statusCode()).isEqualTo(403);
        String csrf = asCarol.csrf("/profile");
        assertThat(asCarol.post("/admin/users/" + admin.id() + "/edit", Map.of("_csrf", csrf, "username", "taken-over",
                "email", "x@example.com", "displayName", "", "password", "")).statusCode()).isEqualTo(403);
        assertThat(users.get(admin.id()).username()).isEqualTo(admin.username());

        long portus = users.findByUsername(User.PORTUS).orElseThrow().id();
        assertThat(signedIn(admin).get("/admin/users/" + portus + "/edit").statusCode()).isEqualTo(404);
    }

    private User user(String prefix, boolean admin) {
        String name = unique(prefix);
        return users.create(new NewUser(name, name + "@example.com", PASSWORD, null, admin, false));
    }

    private BrowserClient signedIn(User user) {
        BrowserClient browser = new BrowserClient(port);
        assertThat(browser.signIn(user.username(), PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }
}
