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
        Chromium.createFirstAdmin(admin, base, "admin", PASSWORD);
        assertThat(admin.locator(".alert-success")).containsText("administrator");
        assertThat(admin.locator("nav")).containsText("Admin");
        assertThat(admin.locator("#token-login-hint")).hasCount(0);
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
        alice = chromium.newSession();
        alice.navigate(base + "/users/sign_in");
        chromium.screenshot(alice, "05-sign-in");
        alice.context().close();
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
        alice.click("#tags a.tag-name:has-text('1.0')");
        assertThat(alice.locator("#tag-name")).hasText("devs/busybox:1.0");
        assertThat(alice.locator("#image-config")).containsText("Command");
        assertThat(alice.locator("#history")).containsText("ImageMaker");
        assertThat(alice.locator("#layers tbody tr")).not().hasCount(0);
        assertThat(alice.locator("#no-referrers")).isVisible();
        chromium.screenshot(alice, "09b-tag");

        alice.navigate(base + "/namespaces");
        alice.click("#namespaces a:has-text('devs')");
        alice.click(".repositories a:has-text('multi')");
        assertThat(alice.locator("#tags")).containsText("linux/amd64");
        assertThat(alice.locator("#tags")).containsText("linux/arm64");
        chromium.screenshot(alice, "10-repository-multi-arch");
        alice.click("#tags a.tag-name:has-text('1.0')");
        assertThat(alice.locator("#platforms")).containsText("linux/arm64");
        chromium.screenshot(alice, "10b-tag-index");
        alice.click("#platforms a:has-text('linux/arm64')");
        assertThat(alice.locator("#manifest-facts")).containsText("Platform of");
        assertThat(alice.locator("#image-config")).containsText("linux/arm64");
        chromium.screenshot(alice, "10c-tag-platform");
    }

    @Test
    @Order(5)
    void theUserStarsAndCommentsWithMarkdownSanitised() {
        alice.navigate(base + "/repositories/" + repositoryId);
        alice.click("#star-button");
        assertThat(alice.locator("#star-button")).containsText("Starred");
        assertThat(alice.locator("#star-count")).hasText("1");
        alice.fill("#comment-body", "**Looks good** <script>alert('x')</script> [home](javascript:alert(1))");
        alice.click("#new-comment button[type=submit]");
        Locator comment = alice.locator(".comment .markdown").first();
        assertThat(comment.locator("strong")).hasText("Looks good");
        assertThat(comment).containsText("<script>alert('x')</script>");
        assertThat(comment.locator("script")).hasCount(0);
        assertThat(comment.locator("a[href^='javascript']")).hasCount(0);
        alice.fill("#description-form textarea", "Busybox for the **devs**.");
        alice.click("#description-form button[type=submit]");
        assertThat(alice.locator("#description strong")).hasText("devs");
        chromium.screenshot(alice, "11-repository-starred-commented");
        alice.navigate(base + "/dashboard");
        assertThat(alice.locator("#starred")).containsText("devs/busybox");
    }

    @Test
    @Order(6)
    void aViewerSeesNoDeleteButtonAndAForgedDeleteIsRefused() {
        Page victor = signIn("victor", PASSWORD);
        victor.navigate(base + "/repositories/" + repositoryId);
        assertThat(victor.locator("#repository-name")).hasText("devs/busybox");
        assertThat(victor.locator(".delete-tag")).hasCount(0);
        assertThat(victor.locator("#delete-repository")).hasCount(0);
        assertThat(victor.locator("#description-form")).hasCount(0);
        chromium.screenshot(victor, "12-repository-as-viewer");

        String token = csrf(victor);
        alice.navigate(base + "/repositories/" + repositoryId);
        String tagId = alice.locator("#tags form").first().getAttribute("action").replaceAll(".*/tags/([0-9]+)/delete", "$1");
        assertRefused(post(victor, base + "/repositories/" + repositoryId + "/tags/" + tagId + "/delete", token));
        assertRefused(post(victor, base + "/repositories/" + repositoryId + "/delete", token));
        APIResponse withoutToken = victor.request().post(base + "/repositories/" + repositoryId + "/star",
                RequestOptions.create().setMaxRedirects(0));
        assertThat(withoutToken.status()).as("no CSRF token").isEqualTo(403);
        victor.navigate(base + "/repositories/" + repositoryId);
        assertThat(victor.locator("#tags tbody tr")).hasCount(1);
        victor.context().close();
    }

    @Test
    @Order(7)
    void theOwnerDeletesTheTagAndTheActivityIsListed() {
        alice.navigate(base + "/repositories/" + repositoryId);
        alice.onceDialog(dialog -> dialog.accept());
        alice.click("#tags .delete-tag");
        assertThat(alice.locator(".alert-success")).containsText("Deleted devs/busybox:");
        assertThat(alice.locator(".alert-success")).containsText("devs/busybox had no other tag and is gone");
        assertThat(alice.locator("h1")).hasText("devs");
        assertThat(alice.locator(".repositories a:has-text('busybox')")).hasCount(0);
        assertThat(alice.locator(".repositories a:has-text('multi')")).hasCount(1);
        chromium.screenshot(alice, "13-repository-after-delete");

        alice.navigate(base + "/dashboard");
        chromium.screenshot(alice, "14-dashboard-activities");
        assertThat(alice.locator("#recent-activities")).containsText("deleted tag devs/busybox:");
        assertThat(alice.locator("#recent-activities")).containsText("pushed tag devs/busybox:1.0");
        chromium.screenshot(alice, "14-dashboard-activities");

        admin.navigate(base + "/admin/activities?type=Repository");
        assertThat(admin.locator(".activities")).containsText("alice deleted tag devs/busybox:");
        chromium.screenshot(admin, "15-admin-activities");
        admin.navigate(base + "/admin/users");
        admin.locator("#users tr", new Page.LocatorOptions().setHasText("alice")).locator("a.edit-user").click();
        assertThat(admin.locator("#username")).hasValue("alice");
        admin.fill("#displayName", "Alice Liddell");
        admin.click("#user-form button[type=submit]");
        assertThat(admin.locator(".alert-success")).containsText("User alice saved.");
        admin.navigate(base + "/admin/users");
        admin.locator("#users tr", new Page.LocatorOptions().setHasText("alice")).locator("a.edit-user").click();
        assertThat(admin.locator("#displayName")).hasValue("Alice Liddell");
        chromium.screenshot(admin, "15b-admin-edits-a-user");
        admin.fill("#displayName", ""); // as it was: later steps read alice's name in the navigation
        admin.click("#user-form button[type=submit]");
        assertThat(admin.locator(".alert-success")).containsText("User alice saved.");
        APIResponse csv = admin.request().get(base + "/admin/activities.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).startsWith("Tracked item,Item,Event,Recipient,Triggered by,Time,Notes")
                .contains("\"alice\"");
    }

    @Test
    @Order(8)
    void theOwnerDeletesSeveralTagsAtOnceAndEditsAWebhook() {
        Skopeo skopeo = new Skopeo(ItPaths.newWorkDir("ui-skopeo-tools")).withCreds("alice:" + PASSWORD);
        String tools = "docker://" + portus.hostPort() + "/devs/tools:";
        skopeo.copy(images.ref("busybox"), tools + "a");
        skopeo.copy(images.ref("multiarch"), tools + "b", "--all");
        skopeo.copy(images.ref("busybox"), tools + "c", "--format", "v2s2");
        alice.navigate(base + "/namespaces");
        alice.click("#namespaces a:has-text('devs')");
        Locator link = alice.locator(".repositories a:has-text('tools')");
        for (int i = 0; i < 120 && link.count() == 0; i++) {
            alice.waitForTimeout(500);
            alice.reload();
        }
        link.click();
        for (int i = 0; i < 120 && alice.locator("#tags tbody tr").count() < 3; i++) {
            alice.waitForTimeout(500);
            alice.reload();
        }
        assertThat(alice.locator("#tags tbody tr")).hasCount(3);
        for (String tag : new String[] {"a", "b"}) {
            alice.locator("#tags tbody tr", new Page.LocatorOptions().setHas(alice.locator("a.tag-name:text-is('" + tag + "')")))
                    .locator(".select-tags").check();
        }
        chromium.screenshot(alice, "13b-tags-selected");
        alice.onceDialog(dialog -> dialog.accept());
        alice.click("#delete-tags button[type=submit]");
        assertThat(alice.locator(".alert-success")).containsText("Deleted devs/tools:");
        assertThat(alice.locator("#tags tbody tr")).hasCount(1);
        assertThat(alice.locator("#tags")).containsText("c");
        chromium.screenshot(alice, "13c-tags-deleted");

        alice.navigate(base + "/namespaces");
        alice.click("#namespaces a:has-text('devs')");
        alice.click("a:has-text('Webhooks')");
        alice.fill("#new-webhook #wh-name", "ci");
        alice.fill("#new-webhook #wh-url", "https://ci.example.com/hook");
        alice.click("#new-webhook button[type=submit]");
        alice.navigate(base + "/namespaces");
        alice.click("#namespaces a:has-text('devs')");
        alice.click("a:has-text('Webhooks')");
        alice.click("#webhooks a:has-text('ci')");
        alice.fill("#edit-webhook #wh-url", "https://ci.example.com/portus-events");
        alice.click("#edit-webhook button[type=submit]");
        assertThat(alice.locator(".alert-success")).containsText("Webhook ci saved.");
        assertThat(alice.locator("#edit-webhook #wh-url")).hasValue("https://ci.example.com/portus-events");
        chromium.screenshot(alice, "13d-webhook-edited");
    }

    @Test
    @Order(9)
    void searchAndExploreFindRepositories() {
        alice.navigate(base + "/search?q=multi");
        assertThat(alice.locator(".repositories")).containsText("devs/multi");
        chromium.screenshot(alice, "16-search");
        Page anonymous = chromium.newSession();
        anonymous.navigate(base + "/explore");
        assertThat(anonymous.locator(".empty-state")).containsText("No public repository");
        alice.navigate(base + "/namespaces");
        alice.click("#namespaces a:has-text('devs')");
        alice.click("#visibility-form button[value=public]");
        assertThat(alice.locator(".alert-success")).containsText("now public");
        anonymous.navigate(base + "/explore");
        assertThat(anonymous.locator(".repositories")).containsText("devs/multi");
        chromium.screenshot(anonymous, "17-explore-anonymous");
        anonymous.click(".repositories a:has-text('devs/multi')");
        assertThat(anonymous.locator("#repository-name")).hasText("devs/multi");
        assertThat(anonymous.locator(".delete-tag")).hasCount(0);
        anonymous.context().close();

        alice.click("nav a:text-is('Help')");
        assertThat(alice.locator("#help-docker")).containsText("docker login " + portus.hostPort());
        assertThat(alice.locator("#help-helm")).containsText("helm registry login");
        chromium.screenshot(alice, "17b-help");
    }

    @Test
    @Order(10)
    void tenBadPasswordsLockTheAccountAndTheFormSaysSo() {
        Page page = chromium.newSession();
        for (int i = 0; i < 10; i++) {
            page.navigate(base + "/users/sign_in");
            page.fill("#username", "victor");
            page.fill("#password", "wrong-password-" + i);
            page.click("button:has-text('Sign in')");
        }
        assertThat(page.locator("#sign-in-error")).containsText("locked");
        Chromium.submitSignIn(page, "victor", PASSWORD);
        assertThat(page.locator("#sign-in-error")).containsText("locked");
        chromium.screenshot(page, "18-sign-in-locked");
        page.context().close();
    }

    @Test
    @Order(11)
    void theOwnerDeletesTheNamespaceAndThenTheTeam() {
        alice.navigate(base + "/teams");
        alice.click("#teams a:has-text('devs')");
        assertThat(alice.locator("#delete-team")).containsText("still owns 1 namespace");
        alice.click("#team-namespaces a:has-text('devs')");
        alice.onceDialog(dialog -> dialog.accept());
        alice.click("#delete-namespace button[type=submit]");
        assertThat(alice.locator(".alert-success")).containsText("Namespace devs deleted with its 2 repositories.");
        chromium.screenshot(alice, "19-namespace-deleted");
        alice.navigate(base + "/teams");
        alice.click("#teams a:has-text('devs')");
        alice.onceDialog(dialog -> dialog.accept());
        alice.click("#delete-team button[type=submit]");
        assertThat(alice.locator(".alert-success")).containsText("Team devs deleted.");
        chromium.screenshot(alice, "20-team-deleted");
    }

    Page signIn(String username, String password) {
        return chromium.signIn(base, username, password);
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
