package io.portus.web.password;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.portus.account.ExternalAccounts;
import io.portus.account.ExternalIdentity;
import io.portus.account.NewUser;
import io.portus.account.PasswordResets;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.support.DatabaseTest;
import io.portus.support.MutableClock;
import io.portus.support.OnDatabase;
import io.portus.web.security.BrowserClient;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Forgot your password?" end to end over real HTTP, with GreenMail as the SMTP server and a test clock:
 * request, mail, link, new password, sign-in; the link works once and for 6 hours; every address gets the same
 * answer; bots and LDAP/OIDC accounts get no link; one mail per account per 5 minutes; the address throttle.
 * On a database of its own: the mail outbox is sent by the context holding its lease, which must be this one.
 */
@ContextConfiguration(initializers = OnDatabase.OwnH2.class)
class PasswordResetFlowTest extends DatabaseTest {

    static final String PASSWORD = "old password 1";
    static final String NEW_PASSWORD = "brand new password 2";
    static final Pattern LINK = Pattern.compile("(https?://\\S+/users/password/edit\\?reset_password_token=[A-Za-z0-9_-]{43})");
    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("portus.email.smtp.enabled", () -> "true");
        registry.add("portus.email.smtp.address", () -> "127.0.0.1");
        registry.add("portus.email.smtp.port", () -> MAIL.getSmtp().getPort());
        registry.add("portus.email.from", () -> "registry@portus.test");
        registry.add("portus.email.name", () -> "Test Portus");
        registry.add("portus.email.reply-to", () -> "admins@portus.test");
    }

    @TestConfiguration
    static class TestClock {
        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.now());
        }
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired ExternalAccounts external;
    @Autowired MutableClock clock;

    User newUser() {
        String name = unique("forgot");
        return users.create(NewUser.regular(name, name + "@example.com", PASSWORD));
    }

    /** Asks for a link as a browser does; the response of the form post. */
    HttpResponse<String> ask(BrowserClient browser, String email) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", browser.csrf("/users/password/new"));
        form.put("email", email);
        return browser.post("/users/password", form);
    }

    HttpResponse<String> choose(BrowserClient browser, String pathAndQuery, String password, String confirmation) {
        String token = pathAndQuery.substring(pathAndQuery.indexOf('=') + 1);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", browser.csrf("/users/password/new"));
        form.put("reset_password_token", token);
        form.put("password", password);
        form.put("password_confirmation", confirmation);
        return browser.post("/users/password/edit", form);
    }

    /** Waits (bounded) until {@code count} mails arrived in all; they, in order. */
    static MimeMessage[] mails(int count) throws InterruptedException {
        assertThat(MAIL.waitForIncomingEmail(20_000, count)).as("%d mails arrive", count).isTrue();
        MimeMessage[] all = MAIL.getReceivedMessages();
        assertThat(all).hasSize(count);
        return all;
    }

    static String link(MimeMessage mail) {
        Matcher m = LINK.matcher(GreenMailUtil.getBody(mail));
        assertThat(m.find()).as("a reset link in the mail").isTrue();
        return m.group(1);
    }

    static String pathAndQuery(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    @Test
    void requestMailLinkNewPasswordSignIn() throws Exception {
        User user = newUser();
        int before = MAIL.getReceivedMessages().length;
        BrowserClient browser = new BrowserClient(port);
        assertThat(browser.get("/users/sign_in").body()).contains("href=\"/users/password/new\"", "Forgot your password?");

        HttpResponse<String> asked = ask(browser, user.email().toUpperCase());
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(asked.headers().firstValue("Location")).get().asString().endsWith("/users/password/sent");
        assertThat(browser.get("/users/password/sent").body()).contains("Check your mail");

        MimeMessage mail = mails(before + 1)[before];
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("registry@portus.test");
        assertThat(from.getPersonal()).isEqualTo("Test Portus");
        assertThat(mail.getReplyTo()).extracting(Address::toString).containsExactly("admins@portus.test");
        assertThat(mail.getAllRecipients()).extracting(Address::toString).containsExactly(user.email());
        assertThat(mail.getSubject()).isEqualTo("Reset password instructions");
        String link = link(mail);
        assertThat(link).startsWith("http://" + environment.getProperty("portus.machine-fqdn") + ":" + port + "/");

        BrowserClient follower = new BrowserClient(port);
        HttpResponse<String> edit = follower.get(pathAndQuery(link));
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(edit.body()).contains("Choose a new password");
        HttpResponse<String> mismatch = choose(follower, pathAndQuery(link), NEW_PASSWORD, "something else");
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(mismatch.body()).contains("doesn't match Password");
        HttpResponse<String> tooShort = choose(follower, pathAndQuery(link), "short", "short");
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("is too short (minimum is 8 characters)");

        HttpResponse<String> done = choose(follower, pathAndQuery(link), NEW_PASSWORD, NEW_PASSWORD);
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).get().asString().endsWith("/users/sign_in");
        assertThat(follower.get("/users/sign_in").body()).contains("Your password has been changed");

        assertThat(new BrowserClient(port).signIn(user.username(), PASSWORD).headers().firstValue("Location"))
                .get().asString().endsWith("/users/sign_in?error");
        assertThat(new BrowserClient(port).signIn(user.username(), NEW_PASSWORD).headers().firstValue("Location"))
                .get().asString().doesNotContain("error");

        HttpResponse<String> again = follower.get(pathAndQuery(link));
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("This link is not valid", "href=\"/users/password/new\"");
        assertThat(choose(follower, pathAndQuery(link), "third password 3", "third password 3").statusCode())
                .isEqualTo(404);
        assertThat(new BrowserClient(port).signIn(user.username(), NEW_PASSWORD).headers().firstValue("Location"))
                .get().asString().doesNotContain("error");
    }

    @Test
    void anExpiredLinkIsRefusedWithAWayToAskAgain() throws Exception {
        User user = newUser();
        int before = MAIL.getReceivedMessages().length;
        BrowserClient browser = new BrowserClient(port);
        ask(browser, user.email());
        String link = link(mails(before + 1)[before]);

        clock.advance(PasswordResets.LIFETIME.plusSeconds(1));

        HttpResponse<String> expired = browser.get(pathAndQuery(link));
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This link has expired", "href=\"/users/password/new\"");
        assertThat(choose(browser, pathAndQuery(link), NEW_PASSWORD, NEW_PASSWORD).statusCode()).isEqualTo(410);
        assertThat(new BrowserClient(port).signIn(user.username(), PASSWORD).headers().firstValue("Location"))
                .get().asString().doesNotContain("error");
    }

    @Test
    void everyAddressGetsTheSameAnswerAndOnlyLocalPeopleALink() throws Exception {
        User user = newUser();
        String botName = unique("bot");
        User bot = users.create(new NewUser(botName, botName + "@example.com", PASSWORD, null, false, true));
        String ldapName = unique("ldap");
        User ldap = external.create(new ExternalIdentity("ldap", "uid=" + ldapName + ",dc=example,dc=org"), ldapName,
                ldapName + "@example.com", null, false);
        int before = MAIL.getReceivedMessages().length;
        BrowserClient browser = new BrowserClient(port);

        HttpResponse<String> unknown = ask(browser, "nobody-" + user.email());
        HttpResponse<String> ofBot = ask(browser, bot.email());
        HttpResponse<String> ofLdap = ask(browser, ldap.email());
        HttpResponse<String> known = ask(browser, user.email());
        for (HttpResponse<String> answer : java.util.List.of(unknown, ofBot, ofLdap)) {
            assertThat(answer.statusCode()).isEqualTo(known.statusCode());
            assertThat(answer.headers().firstValue("Location")).isEqualTo(known.headers().firstValue("Location"));
            assertThat(answer.body()).isEqualTo(known.body());
        }

        MimeMessage[] mails = mails(before + 2);
        assertThat(mails[before].getAllRecipients()).extracting(Address::toString).containsExactly(ldap.email());
        assertThat(GreenMailUtil.getBody(mails[before])).contains("through LDAP").doesNotContain("reset_password_token");
        assertThat(mails[before + 1].getAllRecipients()).extracting(Address::toString).containsExactly(user.email());
        link(mails[before + 1]);
    }

    @Test
    void oneMailPerAccountEveryFiveMinutesAndANewLinkEndsTheOld() throws Exception {
        User user = newUser();
        User other = newUser();
        int before = MAIL.getReceivedMessages().length;
        BrowserClient browser = new BrowserClient(port);
        ask(browser, user.email());
        ask(browser, user.email());
        ask(browser, other.email());
        MimeMessage[] mails = mails(before + 2);
        assertThat(mails[before].getAllRecipients()).extracting(Address::toString).containsExactly(user.email());
        assertThat(mails[before + 1].getAllRecipients()).extracting(Address::toString).containsExactly(other.email());
        String first = link(mails[before]);

        clock.advance(PasswordResets.MAIL_INTERVAL.plus(Duration.ofSeconds(1)));
        ask(browser, user.email());
        String second = link(mails(before + 3)[before + 2]);

        assertThat(second).isNotEqualTo(first);
        assertThat(browser.get(pathAndQuery(first)).statusCode()).isEqualTo(404);
        assertThat(browser.get(pathAndQuery(second)).statusCode()).isEqualTo(200);
    }

    @Test
    void bothFormsNeedTheSessionsCsrfToken() {
        BrowserClient browser = new BrowserClient(port);
        browser.get("/users/password/new");
        assertThat(browser.post("/users/password", Map.of("email", "someone@example.com")).statusCode()).isEqualTo(403);
        assertThat(browser.post("/users/password/edit", Map.of("reset_password_token", "x", "password", NEW_PASSWORD,
                "password_confirmation", NEW_PASSWORD)).statusCode()).isEqualTo(403);
    }

    @Test
    void theRequestFormIsUnderTheAddressThrottle() {
        try (ConfigurableApplicationContext limited = anotherInstance(
                "portus.security.auth-throttle.max-failures-per-minute=2")) {
            int limitedPort = Integer.parseInt(limited.getEnvironment().getProperty("local.server.port"));
            BrowserClient browser = new BrowserClient(limitedPort);
            HttpResponse<String> last = null;
            for (int i = 0; i < 3; i++) {
                last = ask(browser, "nobody" + i + "@example.com");
            }
            assertThat(last.statusCode()).isEqualTo(429);
            assertThat(last.headers().firstValue("Retry-After")).isPresent();
            assertThat(last.body()).contains("Too many requests from your address");
        }
    }
}
