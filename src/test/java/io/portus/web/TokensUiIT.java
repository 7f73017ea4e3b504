package io.portus.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.portus.it.ItPaths;
import io.portus.it.PortusProcess;
import io.portus.it.Skopeo;
import io.portus.it.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;


import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scoped and expiring application tokens (issue #9) in Debian's Chromium against the real jar (token auth on the
 * built-in registry): a bot gets a scoped token by default, a user creates a token scoped to one repository that
 * expires in 30 days on the profile, skopeo pushes with it inside the scope and is refused outside, the admin
 * page lists it with its last use and revokes it, and skopeo is refused after that. Screenshots go to
 * {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokensUiIT {

    static final String PASSWORD = "correct-horse-1";

    PortusProcess portus;
    Chromium chromium;
    TestImages images;
    String base;
    Page admin;
    Page alice;
    String token;

    @BeforeAll
    void start() {
        images = TestImages.get("busybox");
        portus = PortusProcess.builder("tokens-ui").auth("token").start();
        base = portus.baseUri().toString();
        chromium = new Chromium();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (portus != null) {
            portus.close();
        }
    }

    @Test
    @Order(1)
    void theAdminCreatesAUserAndABotWhoseTokenIsScopedByDefault() {
        admin = chromium.newSession();
        admin.navigate(base + "/");
        Chromium.createFirstAdmin(admin, base, "admin", PASSWORD);

        admin.navigate(base + "/admin/users");
        admin.fill("#u-name", "alice");
        admin.fill("#u-email", "alice@example.com");
        admin.fill("#u-password", PASSWORD);
        admin.click("#new-user button[type=submit]");
        assertThat(admin.locator(".alert-success")).containsText("User alice created.");

        admin.fill("#u-name", "ci-bot");
        admin.fill("#u-email", "ci-bot@example.com");
        admin.check("#u-bot");
        assertThat(admin.locator("#bot-scope")).hasValue("scoped");
        admin.click("#new-user button[type=submit]");
        assertThat(admin.locator(".alert")).containsText("need a namespace");

        admin.fill("#u-name", "ci-bot");
        admin.fill("#u-email", "ci-bot@example.com");
        admin.check("#u-bot");
        admin.fill("#bot-namespace", "alice");
        admin.click("#new-user button[type=submit]");
        assertThat(admin.locator("#bot-token")).containsText("scope alice:pull,push");
        assertThat(admin.locator("#bot-token")).containsText("expires");
        chromium.screenshot(admin, "tokens-00-admin-bot-scoped-token");
    }

    @Test
    @Order(2)
    void aUserCreatesAScopedExpiringTokenOnTheProfile() {
        alice = signIn("alice", PASSWORD);
        alice.navigate(base + "/profile");
        alice.fill("#token-application", "ci");
        alice.selectOption("#token-expiry", "30");
        alice.selectOption("#token-scope", "scoped");
        alice.fill("#token-namespace", "alice");
        alice.fill("#token-repository", "app");
        assertThat(alice.locator("#token-action-pull")).isChecked();
        assertThat(alice.locator("#token-action-push")).isChecked();
        assertThat(alice.locator("#token-action-delete")).not().isChecked();
        alice.click("#new-token-form button[type=submit]");
        Locator created = alice.locator("#new-token");
        assertThat(created).containsText("Token ci created");
        token = created.locator("code").first().textContent().trim();
        assertThat(token).hasSizeGreaterThan(20);
        Locator row = alice.locator(".token-row", new Page.LocatorOptions().setHasText("ci"));
        assertThat(row).containsText("alice/app: pull, push");
        assertThat(row).containsText("expires");
        assertThat(row).containsText("never used");
        chromium.screenshot(alice, "tokens-01-profile-scoped-token");
    }

    @Test
    @Order(3)
    void skopeoPushesInsideTheScopeAndIsRefusedOutside() {
        Skopeo skopeo = new Skopeo(ItPaths.newWorkDir("tokens-skopeo")).withCreds("alice:" + token);
        String host = portus.hostPort();
        assertThat(skopeo.copy(images.ref("busybox"), "docker://" + host + "/alice/app:1.0")).startsWith("sha256:");
        assertThatThrownBy(() -> skopeo.copy(images.ref("busybox"), "docker://" + host + "/alice/other:1.0"))
                .as("alice may push there, the token may not");
        Skopeo password = new Skopeo(ItPaths.newWorkDir("tokens-skopeo-pw")).withCreds("alice:" + PASSWORD);
        assertThat(password.copy(images.ref("busybox"), "docker://" + host + "/alice/other:1.0")).startsWith("sha256:");
    }

    @Test
    @Order(4)
    void theAdminSeesEveryTokenAndRevokesOne() {
        admin.navigate(base + "/admin/users");
        admin.click("a.nav-link:has-text('Application tokens')");
        assertThat(admin).hasURL(base + "/admin/application_tokens");
        Locator row = admin.locator("#application-tokens tbody tr", new Page.LocatorOptions().setHasText("alice/app"));
        assertThat(row).containsText("alice");
        assertThat(row).containsText("ci");
        assertThat(row).containsText("127.0.0.1");
        assertThat(admin.locator("#application-tokens")).containsText("ci-bot");
        chromium.screenshot(admin, "tokens-02-admin-application-tokens");

        admin.onceDialog(dialog -> dialog.accept());
        row.locator("button:has-text('Revoke')").click();
        assertThat(admin.locator(".alert-success")).containsText("Token ci of alice revoked.");
        assertThat(admin.locator("#application-tokens")).not().containsText("alice/app");
        chromium.screenshot(admin, "tokens-03-admin-token-revoked");

        Skopeo skopeo = new Skopeo(ItPaths.newWorkDir("tokens-skopeo-revoked")).withCreds("alice:" + token);
        assertThatThrownBy(() -> skopeo.copy(images.ref("busybox"), "docker://" + portus.hostPort() + "/alice/app:2.0"));
        admin.navigate(base + "/admin/activities?type=ApplicationToken");
        assertThat(admin.locator("body")).containsText("ci");
    }

    Page signIn(String username, String password) {
        return chromium.signIn(base, username, password);
    }
}
