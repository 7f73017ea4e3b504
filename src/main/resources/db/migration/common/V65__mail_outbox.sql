-- Mails to be sent (io.portus.mail.MailOutbox), stored before the request that asked for them is answered,
-- so a crash loses none; one instance (lease "mail-outbox") sends them. A row names what to send (kind and
-- recipient, plus data such as the link base of a password reset); the mail itself (which may hold a secret
-- link) is composed only when it is sent, in the transaction that deletes the row. Failed sends are retried
-- with backoff (attempts, next_attempt_at) and given up after a bounded number of attempts.
CREATE TABLE mail_outbox (
    id ${id},
    kind VARCHAR(40) NOT NULL,
    recipient VARCHAR(255) NOT NULL,
    data VARCHAR(1000),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at ${timestamp} NOT NULL,
    last_error VARCHAR(1000),
    created_at ${timestamp} NOT NULL
)${table_options};

CREATE INDEX ix_mail_outbox_due ON mail_outbox (next_attempt_at, id);
