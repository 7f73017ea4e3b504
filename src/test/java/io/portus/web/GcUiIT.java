package io.portus.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.portus.it.ItPaths;
import io.portus.it.PortusProcess;
import io.portus.it.Skopeo;
import io.portus.it.TestImages;
import org.junit.jupiter.api.Test;

/**
 * The admin's garbage collection page in Debian's Chromium against the real jar: an image pushed and its tag
 * moved leaves an untagged manifest; "Dry run" lists a run that would delete it and deletes nothing, "Run now"
 * deletes it, and the image under the tag still pulls; a non-admin is refused. Screenshots {@code gc-*} go to
 * {@code target/screenshots/}.
 */
class GcUiIT {

    static final String PASSWORD = "correct-horse-1";

    @Test
    void anAdminRunsADryRunThenACollection() {
        TestImages images = TestImages.get("busybox", "rand-8layers");
        try (PortusProcess portus = PortusProcess.builder("gc-ui").auth("token")
                .env("PORTUS_GC_GRACE_PERIOD", "0s").start();
             Chromium chromium = new Chromium()) {
            String base = portus.baseUri().toString().replaceAll("/$", "");
            Page admin = chromium.newSession();
            admin.navigate(base + "/");
            Chromium.createFirstAdmin(admin, base, "admin", PASSWORD);

            Skopeo skopeo = new Skopeo(ItPaths.newWorkDir("gc-ui-skopeo")).withCreds("admin:" + PASSWORD);
            String ref = "docker://" + portus.hostPort() + "/admin/app:1";
            skopeo.copy(images.ref("rand-8layers"), ref, "--preserve-digests");
            String kept = skopeo.copy(images.ref("busybox"), ref, "--preserve-digests");

            admin.navigate(base + "/admin/users");
            admin.click("a.nav-link:has-text('Garbage collection')");
            assertThat(admin).hasURL(base + "/admin/gc");
            assertThat(admin.locator("#gc-runs")).containsText("No garbage collection yet.");
            chromium.screenshot(admin, "gc-00-no-runs");

            admin.click("#gc-dry-run button");
            assertThat(admin.locator(".alert-success")).containsText("Dry run");
            Locator dry = admin.locator("#gc-runs tbody tr").first();
            waitDone(admin, base, dry);
            assertThat(dry).containsText("dry run");
            assertThat(dry.locator("td").nth(5)).hasText("1");
            chromium.screenshot(admin, "gc-01-dry-run-done");

            admin.onceDialog(dialog -> dialog.accept());
            admin.click("#gc-run button");
            assertThat(admin.locator(".alert-success")).containsText("Garbage collection");
            Locator real = admin.locator("#gc-runs tbody tr").first();
            waitDone(admin, base, real);
            assertThat(real).not().containsText("dry run");
            assertThat(real.locator("td").nth(5)).hasText("1");
            assertThat(real.locator("td").nth(6)).not().hasText("0");
            assertThat(real).containsText("admin");
            chromium.screenshot(admin, "gc-02-run-done");

            org.assertj.core.api.Assertions.assertThat(skopeo.inspectDigest(ref)).isEqualTo(kept);
            skopeo.copy(ref, "dir:" + ItPaths.newWorkDir("gc-ui-pulled").resolve("p"), "--preserve-digests");

            admin.navigate(base + "/admin/activities?key=gc.run");
            assertThat(admin.locator(".activities")).containsText("ran a garbage collection (done): 1 manifests");
            assertThat(admin.locator(".activities")).containsText("ran a garbage collection dry run (done): 1 manifests");
            chromium.screenshot(admin, "gc-03-activities");
        }
    }

    /** Reloads until the first row's state is no longer running (the page also refreshes itself). */
    static void waitDone(Page page, String base, Locator row) {
        for (int i = 0; i < 300 && row.textContent().contains("running"); i++) {
            page.waitForTimeout(200);
            page.navigate(base + "/admin/gc");
        }
        assertThat(row).containsText("done");
    }
}
