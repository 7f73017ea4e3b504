/**
 * Outgoing mail, configured with Portus's {@code email.*} keys ({@link io.portus.mail.EmailProperties}):
 * {@link io.portus.mail.Mailer} sends plain-text mails over SMTP (Spring's {@code JavaMailSenderImpl} on
 * Angus Mail, with connect/read/write timeouts), or, when SMTP is off, logs that a mail was not sent. Boot's
 * {@code spring.mail.*} auto-configuration is not used. Depends on nothing of Portus but {@code common}.
 */
package io.portus.mail;
