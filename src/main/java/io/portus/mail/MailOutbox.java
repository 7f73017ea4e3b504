package io.portus.mail;

import java.time.Instant;
import java.util.List;

import io.portus.common.DbTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The durable queue of mails to send ({@code mail_outbox}): {@link #enqueue} stores a row in the caller's
 * transaction, so a mail whose request was answered survives a crash of the instance; {@link MailOutboxWorker}
 * sends on one instance. The queue is bounded: beyond {@link #MAX_PENDING} waiting rows new mails are refused
 * (logged), so a flood cannot fill the database.
 */
@Service
public class MailOutbox {

    static final int MAX_PENDING = 10_000;
    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    /** One queued mail. */
    record Row(long id, String kind, String recipient, String data, int attempts) {
        /** Without the recipient and data. */
        @Override
        public String toString() {
            return "Row[id=" + id + ", kind=" + kind + ", attempts=" + attempts + "]";
        }
    }

    private final JdbcClient jdbc;
    private volatile Runnable wakeUp = () -> { };

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a mail of {@code kind} (see {@link MailComposer}); false when the outbox is full. */
    public boolean enqueue(String kind, String recipient, String data) {
        if (pending() >= MAX_PENDING) {
            log.warn("mail of kind {} dropped: {} mails wait in the outbox", kind, MAX_PENDING);
            return false;
        }
        Instant now = DbTime.now();
        jdbc.sql("INSERT INTO mail_outbox (kind, recipient, data, attempts, next_attempt_at, created_at) "
                        + "VALUES (?, ?, ?, 0, ?, ?)")
                .params(kind, recipient, data, DbTime.toDb(now), DbTime.toDb(now)).update();
        wakeUp.run();
        return true;
    }

    /** How many mails wait. */
    public long pending() {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Long.class).single();
    }

    void onEnqueue(Runnable wakeUp) {
        this.wakeUp = wakeUp;
    }

    List<Row> due(int limit) {
        return jdbc.sql("SELECT id, kind, recipient, data, attempts FROM mail_outbox WHERE next_attempt_at <= ? "
                        + "ORDER BY id LIMIT " + Math.max(1, limit))
                .param(DbTime.toDb(DbTime.now()))
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient"),
                        rs.getString("data"), rs.getInt("attempts")))
                .list();
    }

    /** Removes a handled row; false when it was gone already. */
    boolean remove(long id) {
        return jdbc.sql("DELETE FROM mail_outbox WHERE id = ?").param(id).update() == 1;
    }

    void retryLater(long id, int attempts, Instant at, String error) {
        String e = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
        jdbc.sql("UPDATE mail_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(attempts, DbTime.toDb(at), e, id).update();
    }
}
