package io.portus.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.portus.it.Closer;
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

/**
 * Immutable tags and quotas (issue #11) with real clients against the real jar (token auth): the owner of a
 * namespace sets its immutable tags and an admin its quota in Debian's Chromium, skopeo is refused over the quota
 * and on an immutable tag with
 * the rule's message in its output, the namespace page shows the usage bar and a refused tag delete says why.
 * Screenshots {@code rules-*} go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RulesUiIT {

    static final String PASSWORD = "correct-horse-1";

    PortusProcess portus;
    Chromium chromium;
    TestImages images;
    String base;
    Page alice;
    Page admin;
    Skopeo skopeo;

    @BeforeAll
    void start() {
        images = TestImages.get("busybox", "rand-10m");
        portus = PortusProcess.builder("rules-ui").auth("token").env("PORTUS_DELETE_ENABLED", "true").start();
        base = portus.baseUri().toString();
        chromium = new Chromium();
        skopeo = new Skopeo(ItPaths.newWorkDir("rules-skopeo")).withCreds("alice:" + PASSWORD);
    }

    @AfterAll
    void stop() {
        Closer.closeAll(chromium, portus);
    }

    @Test
    @Order(1)
    void theOwnerSetsTheRulesAndBadOnesAreRefused() {
        admin = chromium.newSession();
        admin.navigate(base + "/");
        Chromium.createFirstAdmin(admin, base, "admin", PASSWORD);
        Chromium.createUser(admin, base, "alice", PASSWORD);

        alice = chromium.signIn(base, "alice", PASSWORD);
        alice.navigate(base + "/namespaces?q=alice");
        alice.click("a.fw-semibold:text-is('alice')");
        assertThat(alice.locator("#quota-usage")).containsText("0 B used (no quota)");
        alice.fill("#rules-pattern", "v(");
        alice.click("#rules-form button[type=submit]");
        assertThat(alice.locator(".alert")).containsText("not a valid regular expression");
        chromium.screenshot(alice, "rules-00-bad-pattern-refused");

        assertThat(alice.locator("#rules-quota")).isDisabled();
        assertThat(alice.locator("#rules-quota-help")).containsText("Only administrators can change the quota.");
        alice.fill("#rules-pattern", "^v");
        alice.click("#rules-form button[type=submit]");
        assertThat(alice.locator(".alert-success")).containsText("Rules saved.");
        assertThat(alice.locator("#immutable-rule")).containsText("tags matching ^v");
        chromium.screenshot(alice, "rules-01-rules-saved");

        setQuotaAsAdmin("1000");
        alice.reload();
        assertThat(alice.locator("#quota-usage")).containsText("0 B used of 1.0 kB (0%)");
    }

    /** The quota is the admins' (the owner's field is disabled). */
    void setQuotaAsAdmin(String bytes) {
        admin.navigate(base + "/namespaces?q=alice");
        admin.click("a.fw-semibold:text-is('alice')");
        admin.fill("#rules-quota", bytes);
        admin.click("#rules-form button[type=submit]");
        assertThat(admin.locator(".alert-success")).containsText("Rules saved.");
    }

    @Test
    @Order(2)
    void skopeoIsRefusedOverTheQuotaAndOnAnImmutableTagWithTheMessage() {
        String repo = "docker://" + portus.hostPort() + "/alice/app";
        Skopeo.Result over = skopeo.run(java.util.List.of("copy", "--dest-tls-verify=false", "--dest-creds",
                "alice:" + PASSWORD, images.ref("busybox"), repo + ":v1"));
        assertThat(over.ok()).isFalse();
        assertThat(over.stderr()).as(over.describe()).contains("quota of namespace alice exceeded");

        setQuotaAsAdmin("100000000");
        assertThat(skopeo.copy(images.ref("busybox"), repo + ":v1")).startsWith("sha256:");
        assertThat(skopeo.copy(images.ref("busybox"), repo + ":v1")).as("the same image again").startsWith("sha256:");
        Skopeo.Result moved = skopeo.run(java.util.List.of("copy", "--dest-tls-verify=false", "--dest-creds",
                "alice:" + PASSWORD, images.ref("rand-10m"), repo + ":v1"));
        assertThat(moved.ok()).isFalse();
        assertThat(moved.stderr()).as(moved.describe())
                .contains("tag v1 is immutable in namespace alice (immutable_tags_pattern ^v)");
        assertThat(skopeo.copy(images.ref("rand-10m"), repo + ":latest")).startsWith("sha256:");
        assertThat(skopeo.inspectDigest(repo + ":v1")).isEqualTo(images.digest("busybox"));
    }

    @Test
    @Order(3)
    void theNamespacePageShowsTheUsageAndARefusedTagDelete() {
        alice.reload();
        assertThat(alice.locator("#quota-bar")).isVisible();
        assertThat(alice.locator("#quota-usage")).containsText("MB used of 100 MB");
        chromium.screenshot(alice, "rules-02-usage-bar");

        alice.click("a:text-is('app')");
        alice.onceDialog(dialog -> dialog.accept());
        alice.locator("tr", new Page.LocatorOptions().setHasText("v1")).locator("button.delete-tag").click();
        assertThat(alice.locator(".alert")).containsText("tag v1 is immutable in namespace alice");
        assertThat(alice.locator("body")).containsText("v1");
        chromium.screenshot(alice, "rules-03-immutable-tag-delete-refused");
    }
}
