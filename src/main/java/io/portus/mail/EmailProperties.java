package io.portus.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code portus.email.*}, Portus's {@code email:} block of config.yml ({@code PORTUS_EMAIL_*} variables).
 *
 * @param from    sender address; blank = {@code portus@<portus.machine-fqdn>}
 * @param name    sender name
 * @param replyTo Reply-To address; blank = none
 * @param smtp    the SMTP server; when it is not enabled, mails are not sent but logged (no sendmail here)
 */
@ConfigurationProperties("portus.email")
public record EmailProperties(@DefaultValue("") String from, @DefaultValue("Portus") String name,
                              @DefaultValue("") String replyTo, @DefaultValue Smtp smtp) {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+");

    public EmailProperties {
        if (!from.isBlank() && !ADDRESS.matcher(from.trim()).matches()) {
            throw new IllegalArgumentException("portus.email.from is not a mail address: '" + from + "'");
        }
        if (!replyTo.isBlank() && !ADDRESS.matcher(replyTo.trim()).matches()) {
            throw new IllegalArgumentException("portus.email.reply-to is not a mail address: '" + replyTo + "'");
        }
    }

    /**
     * {@code portus.email.smtp.*}.
     *
     * @param enabled            send over SMTP (Portus: else sendmail; here: not sent, logged)
     * @param address            host name of the SMTP server
     * @param port               its port (587 submission, 465 implicit TLS, 25)
     * @param userName           login; blank = no authentication
     * @param password           its password (never logged)
     * @param domain             HELO/EHLO name; blank = this machine's name
     * @param sslTls             Portus's {@code ssl_tls}: {@code ssl} or {@code tls} = implicit TLS from the first
     *                           byte (SMTPS, usually port 465); blank = plain connection
     * @param enableStarttlsAuto upgrade a plain connection with STARTTLS when the server offers it
     * @param opensslVerifyMode  {@code peer} = check the server's certificate and host name against the JVM's trust
     *                           store; {@code none} = accept any certificate (Portus's default)
     * @param timeout            connect, read and write timeout of one SMTP conversation
     */
    public record Smtp(@DefaultValue("false") boolean enabled, @DefaultValue("smtp.example.com") String address,
                       @DefaultValue("587") int port, @DefaultValue("") String userName,
                       @DefaultValue("") String password, @DefaultValue("") String domain,
                       @DefaultValue("") String sslTls, @DefaultValue("false") boolean enableStarttlsAuto,
                       @DefaultValue("none") String opensslVerifyMode, @DefaultValue("10s") Duration timeout) {

        public Smtp {
            String tls = sslTls.trim().toLowerCase(Locale.ROOT);
            if (!(tls.isEmpty() || tls.equals("ssl") || tls.equals("tls") || tls.equals("false"))) {
                throw new IllegalArgumentException("portus.email.smtp.ssl-tls must be empty, 'ssl' or 'tls', not '"
                        + sslTls + "'");
            }
            String verify = opensslVerifyMode.trim().toLowerCase(Locale.ROOT);
            if (!(verify.equals("none") || verify.equals("peer"))) {
                throw new IllegalArgumentException("portus.email.smtp.openssl-verify-mode must be 'none' or 'peer', not '"
                        + opensslVerifyMode + "'");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("portus.email.smtp.port must be between 1 and 65535");
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("portus.email.smtp.timeout must be positive");
            }
        }

        /** Implicit TLS (SMTPS): Portus's {@code ssl_tls} = {@code ssl} or {@code tls}. */
        public boolean implicitTls() {
            String tls = sslTls.trim().toLowerCase(Locale.ROOT);
            return tls.equals("ssl") || tls.equals("tls");
        }

        public boolean verifyPeer() {
            return opensslVerifyMode.trim().equalsIgnoreCase("peer");
        }

        /** Without the password. */
        @Override
        public String toString() {
            return "Smtp[enabled=" + enabled + ", address=" + address + ", port=" + port + ", userName=" + userName
                    + ", domain=" + domain + ", sslTls=" + sslTls + ", enableStarttlsAuto=" + enableStarttlsAuto
                    + ", opensslVerifyMode=" + opensslVerifyMode + ", timeout=" + timeout + "]";
        }
    }
}
