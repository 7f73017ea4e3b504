package io.portus.web;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Page;
import io.portus.it.PortusProcess;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Forgot your password?" in Debian's Chromium against the real jar, configured only by Portus's
 * {@code PORTUS_EMAIL_*} variables to send over implicit TLS with a login to a GreenMail SMTPS server the test
 * starts: the sign-in page's link, the request page, "check your mail", the mailed link's page (a mismatch,
 * then a new password), the sign-in with it, and the used link. Screenshots in {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PasswordResetIT {

    static final String PASSWORD = "correct-horse-1";
    static final String NEW_PASSWORD = "battery-staple-2";
    static final Pattern LINK = Pattern.compile("(http://\\S+/users/password/edit\\?reset_password_token=[A-Za-z0-9_-]{43})");

    GreenMail mail;
    PortusProcess portus;
    Chromium chromium;
    String base;
    String link;

    @BeforeAll
    void start() {
        mail = new GreenMail(ServerSetupTest.SMTPS.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("portus-mailer", "smtp-secret"));
        mail.start();
        portus = PortusProcess.builder("password-reset")
                .env("PORTUS_MACHINE_FQDN_VALUE", "127.0.0.1")
                .env("PORTUS_EMAIL_FROM", "registry@portus.test")
                .env("PORTUS_EMAIL_NAME", "Portus Registry")
                .env("PORTUS_EMAIL_REPLY_TO", "admins@portus.test")
                .env("PORTUS_EMAIL_SMTP_ENABLED", "true")
                .env("PORTUS_EMAIL_SMTP_ADDRESS", "127.0.0.1")
                .env("PORTUS_EMAIL_SMTP_PORT", Integer.toString(mail.getSmtps().getPort()))
                .env("PORTUS_EMAIL_SMTP_USER_NAME", "portus-mailer")
                .env("PORTUS_EMAIL_SMTP_PASSWORD", "smtp-secret")
                .env("PORTUS_EMAIL_SMTP_SSL_TLS", "ssl")
                .env("PORTUS_EMAIL_SMTP_OPENSSL_VERIFY_MODE", "none")
                .start();
        base = portus.baseUri().toString().replaceAll("/$", "");
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
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    @Order(1)
    void theAdminExists() {
        Page admin = chromium.newSession();
        admin.navigate(base + "/");
        Chromium.createFirstAdmin(admin, base, "admin", PASSWORD);
        admin.context().close();
    }

    @Test
    @Order(2)
    void forgotPasswordAsksForTheAddressAndAnswersCheckYourMail() throws Exception {
        Page page = chromium.newSession();
        page.navigate(base + "/users/sign_in");
        assertThat(page.locator("#forgot-password")).hasText("Forgot your password?");
        chromium.screenshot(page, "password-reset-01-sign-in");
        page.click("#forgot-password");
        assertThat(page).hasURL(base + "/users/password/new");
        assertThat(page.locator("h1")).hasText("Forgot your password?");
        chromium.screenshot(page, "password-reset-02-request");
        page.fill("#email", "Admin@Example.com");
        page.click("button:has-text('Send me a reset link')");
        assertThat(page).hasURL(base + "/users/password/sent");
        assertThat(page.locator("h1")).hasText("Check your mail");
        chromium.screenshot(page, "password-reset-03-check-your-mail");
        page.context().close();

        assertThat(mail.waitForIncomingEmail(30_000, 1)).as("the reset mail arrives").isTrue();
        MimeMessage message = mail.getReceivedMessages()[0];
        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("registry@portus.test");
        assertThat(from.getPersonal()).isEqualTo("Portus Registry");
        assertThat(message.getReplyTo()).extracting(Address::toString).containsExactly("admins@portus.test");
        assertThat(message.getAllRecipients()).extracting(Address::toString).containsExactly("admin@example.com");
        assertThat(message.getSubject()).isEqualTo("Reset password instructions");
        Matcher m = LINK.matcher(GreenMailUtil.getBody(message));
        assertThat(m.find()).as("a reset link in the mail").isTrue();
        link = m.group(1);
        assertThat(link).startsWith(base + "/users/password/edit?");
    }

    @Test
    @Order(3)
    void theMailedLinkSetsANewPassword() {
        Page page = chromium.newSession();
        page.navigate(link);
        assertThat(page.locator("h1")).hasText("Choose a new password");
        chromium.screenshot(page, "password-reset-04-edit");
        page.fill("#password", NEW_PASSWORD);
        page.fill("#password_confirmation", "something-else");
        page.click("button:has-text('Change my password')");
        assertThat(page.locator(".invalid-feedback")).containsText("doesn't match Password");
        chromium.screenshot(page, "password-reset-05-edit-mismatch");
        page.fill("#password", NEW_PASSWORD);
        page.fill("#password_confirmation", NEW_PASSWORD);
        page.click("button:has-text('Change my password')");
        assertThat(page).hasURL(base + "/users/sign_in");
        assertThat(page.locator("main .alert").first()).containsText("Your password has been changed");
        chromium.screenshot(page, "password-reset-06-success");
        Chromium.submitSignIn(page, "admin", NEW_PASSWORD);
        assertThat(page).hasURL(base + "/dashboard");
        page.context().close();
    }

    @Test
    @Order(4)
    void theLinkWorksOnceAndTheOldPasswordNoMore() {
        Page page = chromium.newSession();
        page.navigate(link);
        assertThat(page.locator("h1")).hasText("This link is not valid");
        assertThat(page.locator("a:has-text('Send me a new link')")).hasAttribute("href", "/users/password/new");
        chromium.screenshot(page, "password-reset-07-used-link");
        page.navigate(base + "/users/sign_in");
        Chromium.submitSignIn(page, "admin", PASSWORD);
        assertThat(page.locator("#sign-in-error")).containsText("Invalid username or password.");
        page.context().close();
    }
}
