package io.portus.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.portus.it.ItPaths;
import io.portus.it.Tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright (no browser download: {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}),
 * headless, a laptop-sized window. Each {@link #newSession()} is a fresh browser context (own cookies).
 */
final class Chromium implements AutoCloseable {

    static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--headless");

    private final Playwright playwright;
    private final Browser browser;
    private final Path screenshots;

    Chromium() {
        Path executable = Tools.require("chromium", "chromium");
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable).setHeadless(true).setArgs(ARGS));
        this.screenshots = ItPaths.target().resolve("screenshots");
        try {
            Files.createDirectories(screenshots);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A new browser context (cookies of its own) with one page, 1366×768 like a laptop screen. */
    Page newSession() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
        context.setDefaultTimeout(20_000);
        return context.newPage();
    }

    /** A new session signed in through the sign-in form as {@code username}; it lands on the dashboard. */
    Page signIn(String base, String username, String password) {
        Page page = newSession();
        page.navigate(base + "/users/sign_in");
        submitSignIn(page, username, password);
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/dashboard"));
        return page;
    }

    /** Fills and submits the sign-in form {@code page} shows. */
    static void submitSignIn(Page page, String username, String password) {
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("button:has-text('Sign in')");
    }

    /** Fills and submits the first run's "Create admin" form {@code page} shows; it lands on the dashboard. */
    static void createFirstAdmin(Page page, String base, String username, String password) {
        page.fill("#username", username);
        page.fill("#email", username + "@example.com");
        page.fill("#password", password);
        page.fill("#password_confirmation", password);
        page.click("button:has-text('Create admin')");
        assertThat(page).hasURL(base + "/dashboard");
    }

    /** On the admin's users page {@code page} shows, creates a regular user with {@code username}@example.com. */
    static void createUser(Page page, String base, String username, String password) {
        page.navigate(base + "/admin/users");
        page.fill("#u-name", username);
        page.fill("#u-email", username + "@example.com");
        page.fill("#u-password", password);
        page.click("#new-user button[type=submit]");
        assertThat(page.locator(".alert-success")).containsText("User " + username + " created.");
    }

    /** Saves a full-page screenshot as {@code target/screenshots/<name>.png}. */
    void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
