package io.portus.mail;

import java.util.Optional;

/**
 * Composes the mails of one {@link #kind()} queued in the {@link MailOutbox}, on the instance that sends them, in
 * a transaction that commits before the mail is sent (so what it writes, e.g. the hash of a reset token, is
 * there when the mail is read). A mail that could not be sent is composed again later with {@code retry} true.
 */
public interface MailComposer {

    /** The kind of outbox rows this composer handles (at most 40 characters). */
    String kind();

    /**
     * The mail for {@code recipient} and the row's {@code data}; empty when nothing is to be sent. {@code retry}:
     * an earlier attempt of this same row composed a mail that may not have gone out (throttles that count
     * sent mails must not count that one).
     */
    Optional<Mail> compose(String recipient, String data, boolean retry);
}
