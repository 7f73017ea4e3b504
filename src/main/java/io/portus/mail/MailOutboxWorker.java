package io.portus.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.portus.common.DbTime;
import io.portus.common.JobLeases;
import io.portus.common.LeasedLoop;
import io.portus.common.LoopOwner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the {@link MailOutbox} on the one instance holding the {@code mail-outbox} lease, oldest first. For each
 * row, one transaction counts the attempt (and schedules the next: 30 s, 1 min, 2 min... at most 30 min apart)
 * and composes the mail (the composer's writes, such as a reset token, are committed before the mail can be
 * read); then the mail is sent and the row removed. A failed send or a crash anywhere in between leaves the row
 * for its next attempt, composed again as a retry; after {@link #MAX_ATTEMPTS} it is given up (removed, logged).
 * So an accepted mail is sent at least once, never lost.
 */
@Component
class MailOutboxWorker extends LoopOwner {

    static final String LEASE = "mail-outbox";
    static final int MAX_ATTEMPTS = 10;
    private static final Logger log = LoggerFactory.getLogger(MailOutboxWorker.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration MAX_RETRY = Duration.ofMinutes(30);
    /** Renewed before each mail; longer than one SMTP conversation at the default timeouts. */
    private static final Duration LEASE_TTL = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofSeconds(2);

    private final MailOutbox outbox;
    private final Mailer mailer;
    private final TransactionTemplate tx;
    private final Map<String, MailComposer> composers;
    private final LeasedLoop loop;

    MailOutboxWorker(MailOutbox outbox, Mailer mailer, TransactionTemplate tx, List<MailComposer> composers,
                     JobLeases leases) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.tx = tx;
        this.composers = composers.stream().collect(Collectors.toMap(MailComposer::kind, Function.identity()));
        this.loop = new LeasedLoop(new LeasedLoop.Settings("mail-outbox", LEASE, LEASE_TTL, POLL, Duration.ofSeconds(30)),
                leases, this::round, e -> log.warn("mail outbox paused: {}", e.getMessage()));
        outbox.onEnqueue(loop::wakeUp);
    }

    private Duration round() {
        List<MailOutbox.Row> batch;
        while (loop.isRunning() && !(batch = outbox.due(20)).isEmpty()) {
            for (MailOutbox.Row row : batch) {
                if (!loop.isRunning() || !loop.renewLease()) {
                    return POLL;
                }
                handle(row);
            }
        }
        return POLL;
    }

    private void handle(MailOutbox.Row row) {
        if (row.attempts() >= MAX_ATTEMPTS) {
            log.warn("mail {} of kind {} given up after {} attempts", row.id(), row.kind(), row.attempts());
            outbox.remove(row.id());
            return;
        }
        int attempts = row.attempts() + 1;
        long seconds = Math.min(MAX_RETRY.toSeconds(), FIRST_RETRY.toSeconds() << Math.min(attempts - 1, 16));
        Instant retryAt = DbTime.now().plusSeconds(seconds);
        String failure;
        try {
            // the attempt is counted in the transaction that composes, so a crash before the send retries it
            Optional<Mail> mail = tx.execute(status -> {
                outbox.retryLater(row.id(), attempts, retryAt, null);
                return compose(row);
            });
            if (mail == null || mail.isEmpty() || mailer.send(mail.get()) || !mailer.enabled()) {
                outbox.remove(row.id());
                return;
            }
            failure = "the SMTP server did not take the mail";
        } catch (RuntimeException e) {
            failure = e.getMessage();
        }
        log.info("mail {} of kind {} will be retried in {} s: {}", row.id(), row.kind(), seconds, failure);
        outbox.retryLater(row.id(), attempts, retryAt, failure);
    }

    private Optional<Mail> compose(MailOutbox.Row row) {
        MailComposer composer = composers.get(row.kind());
        if (composer == null) {
            throw new IllegalStateException("no composer for mails of kind " + row.kind());
        }
        return composer.compose(row.recipient(), row.data(), row.attempts() > 0);
    }

    @Override
    protected LeasedLoop loop() {
        return loop;
    }
}
