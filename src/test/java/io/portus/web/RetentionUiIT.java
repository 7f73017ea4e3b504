package io.portus.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.portus.catalog.Poll;
import io.portus.catalog.TestPusher;
import io.portus.it.PortusProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A namespace's retention rules in Debian's Chromium against the real jar: the admin saves two rules with the form
 * (CSRF included), a dry run lists what would go and why the rest stays without deleting, a bad pattern comes back
 * as a message, and "Run now" deletes from the registry. Screenshots {@code target/screenshots/retention-0*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetentionUiIT {

    static final String PASSWORD = "correct-horse-1";

    PortusProcess portus;
    Chromium chromium;
    String base;
    Page admin;
    TestPusher pusher;
    TestPusher.Pushed v1;
    TestPusher.Pushed v2;
    TestPusher.Pushed dev;

    @BeforeAll
    void start() {
        portus = PortusProcess.builder("retention-ui").auth("none").start();
        base = portus.baseUri().toString();
        chromium = new Chromium();
        pusher = new TestPusher(base);
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
    void theAdminSavesRulesWithTheForm() {
        v1 = pusher.image("shop/app", "v1", TestPusher.OCI_MANIFEST, 1, 64);
        pusher.putManifest("shop/app", "stable", TestPusher.OCI_MANIFEST, v1.manifest());
        v2 = pusher.image("shop/app", "v2", TestPusher.OCI_MANIFEST, 1, 64);
        pusher.image("shop/app", "v3", TestPusher.OCI_MANIFEST, 1, 64);
        dev = pusher.image("shop/app", "dev", TestPusher.OCI_MANIFEST, 1, 64);
        admin = chromium.newSession();
        admin.navigate(base + "/");
        Chromium.createFirstAdmin(admin, base, "admin", PASSWORD);
        Poll.until("namespace shop listed", () -> {
            admin.navigate(base + "/namespaces");
            return admin.locator("a:text-is('shop')").count() > 0 ? Optional.of(true) : Optional.empty();
        });
        admin.click("a:text-is('shop')");
        admin.click("a:has-text('Retention')");
        assertThat(admin.locator("h1")).hasText("Tag retention");
        assertThat(admin.locator("#retention-state")).hasText("not scheduled");

        Locator rows = admin.locator("#retention-rules .rule-row");
        assertThat(rows).hasCount(2);
        rows.nth(0).locator("input[name=pattern]").fill("^v");
        rows.nth(0).locator("select[name=kind]").selectOption("latest_pushed");
        rows.nth(0).locator("input[name=value]").fill("1");
        rows.nth(1).locator("input[name=pattern]").fill("^stable$");
        rows.nth(1).locator("select[name=kind]").selectOption("always");
        admin.check("#retention-enabled");
        admin.fill("#retention-interval", "12");
        admin.click("#retention-rules button[type=submit]");

        assertThat(admin.locator(".alert-success")).containsText("Retention rules saved.");
        assertThat(admin.locator("#retention-state")).hasText("scheduled");
        assertThat(rows).hasCount(4);
        assertThat(rows.nth(0).locator("input[name=pattern]")).hasValue("^v");
        assertThat(rows.nth(1).locator("select[name=kind]")).hasValue("always");
        assertThat(admin.locator("#retention-interval")).hasValue("12");
        chromium.screenshot(admin, "retention-00-rules-saved");
    }

    @Test
    @Order(2)
    void aDryRunShowsWhatWouldGoAndDeletesNothing() {
        Locator results = admin.locator("#retention-results");
        Poll.until("the 5 tags in the catalog", () -> {
            admin.click("#retention-dry-run");
            return results.locator("tbody tr").count() == 5 ? Optional.of(true) : Optional.empty();
        });
        assertThat(results.locator("h2")).hasText("Dry run: nothing was deleted.");
        assertThat(row(results, "dev")).containsText("would go");
        assertThat(row(results, "dev")).containsText("no retention rule keeps it");
        assertThat(row(results, "v2")).containsText("would go");
        assertThat(row(results, "v3")).containsText("kept by rule 1");
        assertThat(row(results, "stable")).containsText("kept by rule 2");
        assertThat(row(results, "v1")).containsText("shares its digest with the kept tag stable");
        assertThat(manifest("shop/app", dev.digest())).isEqualTo(200);
        chromium.screenshot(admin, "retention-01-dry-run");
    }

    @Test
    @Order(3)
    void aBadPatternComesBackAsAMessage() {
        admin.locator("#retention-rules .rule-row").nth(2).locator("input[name=pattern]").fill("(unclosed");
        admin.locator("#retention-rules .rule-row").nth(2).locator("select[name=kind]").selectOption("always");
        admin.click("#retention-rules button[type=submit]");

        assertThat(admin.locator(".alert")).containsText("not a regular expression");
        chromium.screenshot(admin, "retention-02-bad-pattern");
    }

    @Test
    @Order(4)
    void runNowDeletesFromTheRegistry() {
        admin.navigate(admin.url().replaceAll("/retention.*$", "/retention"));
        admin.click("#retention-run");

        Locator results = admin.locator("#retention-results");
        assertThat(results.locator("h2")).hasText("Run finished: 2 tags deleted.");
        assertThat(row(results, "dev")).containsText("deleted");
        assertThat(row(results, "v1")).containsText("kept");
        assertThat(manifest("shop/app", dev.digest())).isEqualTo(404);
        assertThat(manifest("shop/app", v2.digest())).isEqualTo(404);
        assertThat(manifest("shop/app", v1.digest())).isEqualTo(200);
        assertThat(admin.getByText("Last run:")).isVisible();
        chromium.screenshot(admin, "retention-03-run");
    }

    static Locator row(Locator results, String tag) {
        return results.locator("tr", new Locator.LocatorOptions().setHas(
                results.page().locator("td:text-is('" + tag + "')")));
    }

    int manifest(String repo, String digest) {
        return pusher.manifestStatus(repo, digest);
    }
}
