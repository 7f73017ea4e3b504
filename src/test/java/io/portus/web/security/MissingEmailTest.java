package io.portus.web.security;

import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.support.DatabaseTest;
import io.portus.support.OnDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Portus's {@code force_update_profile!} over real HTTP: an account without an email (an LDAP entry without
 * {@code mail}) is sent to its profile by every page until it adds one; the profile form itself works.
 */
@ContextConfiguration(initializers = OnDatabase.H2.class)
class MissingEmailTest extends DatabaseTest {

    static final String PASSWORD = "password-missing-email";

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    @Test
    void pagesSendAnAccountWithoutEmailToItsProfileUntilItHasOne() {
        String name = unique("noemail");
        User user = users.create(NewUser.regular(name, name + "@example.com", PASSWORD));
        jdbc.sql("UPDATE users SET email = NULL WHERE id = ?").param(user.id()).update();
        BrowserClient browser = new BrowserClient(port);
        browser.signIn(name, PASSWORD);

        var dashboard = browser.get("/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(302);
        assertThat(dashboard.headers().firstValue("Location").orElseThrow()).endsWith("/profile");
        assertThat(browser.get("/profile").body()).contains("Please add your email address");

        String csrf = browser.csrf("/profile");
        assertThat(browser.post("/profile", Map.of("_csrf", csrf, "email", name + "@example.org")).statusCode())
                .isEqualTo(302);
        assertThat(browser.get("/dashboard").statusCode()).isEqualTo(200);
    }

    @Test
    void accountsWithAnEmailAreNotRedirected() {
        String name = unique("withemail");
        users.create(NewUser.regular(name, name + "@example.com", PASSWORD));
        BrowserClient browser = new BrowserClient(port);
        browser.signIn(name, PASSWORD);

        assertThat(browser.get("/dashboard").statusCode()).isEqualTo(200);
    }
}
