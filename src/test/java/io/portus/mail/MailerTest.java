package io.portus.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.portus.common.PortusProperties;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Mailer} against GreenMail, a real SMTP server: plain SMTP with AUTH, implicit TLS (SMTPS) with and
 * without certificate verification, STARTTLS "auto" against a server that does not offer it (GreenMail 2.1 has
 * no STARTTLS), a wrong password and an unreachable server (not sent, no exception), SMTP off (only logged).
 */
class MailerTest {

    static final String USER = "mailer";
    static final String PASSWORD = "smtp-secret";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup[] {
            ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort()})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));

    static final PortusProperties PORTUS = new PortusProperties("./data", "portus.test", "", "");

    static EmailProperties.Smtp smtp(int port, String user, String password, String sslTls, boolean starttls,
                                     String verify) {
        return new EmailProperties.Smtp(true, "127.0.0.1", port, user, password, "portus.test", sslTls, starttls,
                verify, Duration.ofSeconds(5));
    }

    static Mailer mailer(EmailProperties.Smtp smtp) {
        return new Mailer(new EmailProperties("", "Portus Registry", "help@portus.test", smtp), PORTUS);
    }

    static int smtpPort() {
        return MAIL.getSmtp().getPort();
    }

    static int smtpsPort() {
        return MAIL.getSmtps().getPort();
    }

    @Test
    void plainSmtpWithAuthSendsFromNameAndReplyTo() throws Exception {
        boolean sent = mailer(smtp(smtpPort(), USER, PASSWORD, "", false, "none"))
                .send(new Mail("jane@example.org", "Reset password instructions", "Hello jane,\n\nhttp://x/y?t=1\n"));

        assertThat(sent).isTrue();
        MimeMessage m = MAIL.getReceivedMessages()[0];
        InternetAddress from = (InternetAddress) m.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("portus@portus.test");
        assertThat(from.getPersonal()).isEqualTo("Portus Registry");
        assertThat(m.getReplyTo()).extracting(Address::toString).containsExactly("help@portus.test");
        assertThat(m.getAllRecipients()).extracting(Address::toString).containsExactly("jane@example.org");
        assertThat(m.getSubject()).isEqualTo("Reset password instructions");
        assertThat(((String) m.getContent())).contains("http://x/y?t=1");
    }

    @Test
    void implicitTlsWithoutVerification() throws Exception {
        assertThat(mailer(smtp(smtpsPort(), USER, PASSWORD, "ssl", false, "none"))
                .send(new Mail("tls@example.org", "over SMTPS", "text"))).isTrue();
        assertThat(mailer(smtp(smtpsPort(), USER, PASSWORD, "tls", false, "none"))
                .send(new Mail("tls2@example.org", "over SMTPS too", "text"))).isTrue();

        assertThat(MAIL.getReceivedMessages()).extracting(MimeMessage::getSubject)
                .containsExactly("over SMTPS", "over SMTPS too");
    }

    @Test
    void peerVerificationRefusesAnUntrustedCertificate() {
        assertThat(mailer(smtp(smtpsPort(), USER, PASSWORD, "ssl", false, "peer"))
                .send(new Mail("tls@example.org", "never", "text"))).isFalse();
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void starttlsAutoStaysPlainWhenTheServerDoesNotOfferIt() {
        assertThat(mailer(smtp(smtpPort(), USER, PASSWORD, "", true, "none"))
                .send(new Mail("auto@example.org", "starttls auto", "text"))).isTrue();
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aWrongPasswordOrNoServerIsNotSentAndNotThrown() {
        assertThat(mailer(smtp(smtpPort(), USER, "wrong", "", false, "none"))
                .send(new Mail("x@example.org", "wrong password", "text"))).isFalse();
        assertThat(mailer(smtp(1, USER, PASSWORD, "", false, "none"))
                .send(new Mail("x@example.org", "no server", "text"))).isFalse();
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void withoutSmtpNothingIsSent() {
        Mailer off = new Mailer(new EmailProperties("noreply@portus.test", "Portus", "",
                new EmailProperties.Smtp(false, "127.0.0.1", smtpPort(), "", "", "", "", false, "none",
                        Duration.ofSeconds(5))), PORTUS);

        assertThat(off.enabled()).isFalse();
        assertThat(off.from()).isEqualTo("noreply@portus.test");
        assertThat(off.send(new Mail("x@example.org", "not sent", "secret link"))).isFalse();
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }
}
