package io.portus.mail;

import io.portus.common.PortusProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Sends mails with Portus's {@code email.*} settings. {@link #send} blocks for at most the SMTP timeouts and
 * never throws: a mail that cannot be sent is logged (recipient and subject, never the body, which may hold
 * a secret link, nor the SMTP password) and reported as not sent. Callers send from a background thread.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final EmailProperties properties;
    private final String from;
    private final JavaMailSenderImpl sender;

    Mailer(EmailProperties properties, PortusProperties portus) {
        this.properties = properties;
        this.from = properties.from().isBlank() ? "portus@" + portus.machineFqdn() : properties.from().trim();
        this.sender = properties.smtp().enabled() ? SmtpSender.of(properties.smtp()) : null;
    }

    /** Whether mails go out over SMTP (else they are only logged). */
    public boolean enabled() {
        return sender != null;
    }

    /** Sends {@code mail}; whether the SMTP server accepted it. */
    public boolean send(Mail mail) {
        if (sender == null) {
            log.info("mail \"{}\" to {} not sent: SMTP is not enabled (portus.email.smtp.enabled)", mail.subject(), mail.to());
            return false;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(from, properties.name(), StandardCharsets.UTF_8.name()));
            if (!properties.replyTo().isBlank()) {
                helper.setReplyTo(properties.replyTo().trim());
            }
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), false);
            sender.send(message);
            log.info("mail \"{}\" sent to {}", mail.subject(), mail.to());
            return true;
        } catch (MailException | MessagingException | UnsupportedEncodingException e) {
            log.warn("mail \"{}\" to {} not sent: {}", mail.subject(), mail.to(), e.getMessage());
            return false;
        }
    }

    /** The sender address (also the envelope sender). */
    public String from() {
        return from;
    }

    /** The SMTP settings as Angus Mail properties. */
    static final class SmtpSender {

        private SmtpSender() {
        }

        static JavaMailSenderImpl of(EmailProperties.Smtp smtp) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            String protocol = smtp.implicitTls() ? "smtps" : "smtp";
            sender.setProtocol(protocol);
            sender.setHost(smtp.address());
            sender.setPort(smtp.port());
            sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
            if (!smtp.userName().isBlank()) {
                sender.setUsername(smtp.userName());
                sender.setPassword(smtp.password());
            }
            sender.setJavaMailProperties(properties(smtp, protocol));
            return sender;
        }

        static Properties properties(EmailProperties.Smtp smtp, String protocol) {
            String p = "mail." + protocol + ".";
            String millis = Long.toString(smtp.timeout().toMillis());
            Properties props = new Properties();
            props.setProperty("mail.transport.protocol", protocol);
            props.setProperty(p + "connectiontimeout", millis);
            props.setProperty(p + "timeout", millis);
            props.setProperty(p + "writetimeout", millis);
            props.setProperty(p + "auth", Boolean.toString(!smtp.userName().isBlank()));
            if (!smtp.domain().isBlank()) {
                props.setProperty(p + "localhost", smtp.domain().trim());
            }
            props.setProperty(p + "starttls.enable", Boolean.toString(smtp.enableStarttlsAuto()));
            if (smtp.verifyPeer()) {
                props.setProperty(p + "ssl.checkserveridentity", "true");
            } else {
                props.setProperty(p + "ssl.trust", "*");
                props.setProperty(p + "ssl.checkserveridentity", "false");
            }
            return props;
        }
    }
}
