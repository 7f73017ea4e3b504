package io.portus.catalog.internal;

import java.time.Instant;
import java.util.List;

import io.portus.common.DbTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code registry_events} table: stored events waiting to be applied, and what became of them. */
@Repository
public class EventStore {

    /** Row states (Portus's done/fresh plus ours). */
    public static final int DONE = 0;
    public static final int PENDING = 2;
    public static final int IGNORED = 3;
    public static final int FAILED = 4;

    /** One stored event. {@code registryId} null = the built-in registry. */
    public record StoredEvent(long id, String eventId, Long registryId, String action, String data, int attempts) {
    }

    private static final RowMapper<StoredEvent> ROW = (rs, n) -> new StoredEvent(rs.getLong("id"),
            rs.getString("event_id"), rs.getObject("registry_id", Long.class), rs.getString("action"),
            rs.getString("data"), rs.getInt("attempts"));

    private final JdbcClient jdbc;

    public EventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores an event; false when an event with this id is already stored (a registry's retry). */
    public boolean insert(String eventId, Long registryId, String action, String repository, String data) {
        if (exists(eventId)) {
            return false;
        }
        Instant now = DbTime.now();
        try {
            jdbc.sql("INSERT INTO registry_events (event_id, registry_id, action, repository, data, status, attempts, "
                            + "next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")
                    .params(eventId, registryId, action, repository, data, PENDING, DbTime.toDb(now), DbTime.toDb(now),
                            DbTime.toDb(now))
                    .update();
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    private boolean exists(String eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM registry_events WHERE event_id = ?").param(eventId)
                .query(Long.class).single() > 0;
    }

    /** Pending events whose next attempt is due, oldest first. */
    public List<StoredEvent> due(int limit) {
        return jdbc.sql("SELECT id, event_id, registry_id, action, data, attempts FROM registry_events "
                        + "WHERE status = ? AND next_attempt_at <= ? ORDER BY id LIMIT " + Math.max(1, limit))
                .params(PENDING, DbTime.toDb(DbTime.now())).query(ROW).list();
    }

    public void finish(long id, int status, String note) {
        jdbc.sql("UPDATE registry_events SET status = ?, last_error = ?, updated_at = ? WHERE id = ?")
                .params(status, truncate(note), DbTime.toDb(DbTime.now()), id).update();
    }

    public void retryLater(long id, int attempts, Instant at, String error) {
        jdbc.sql("UPDATE registry_events SET attempts = ?, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?")
                .params(attempts, DbTime.toDb(at), truncate(error), DbTime.toDb(DbTime.now()), id).update();
    }

    /** How many events are still pending (any registry). */
    public long pending() {
        return jdbc.sql("SELECT COUNT(*) FROM registry_events WHERE status = ?").param(PENDING).query(Long.class).single();
    }

    /** Status of the event with this id, if stored. */
    public java.util.Optional<Integer> status(String eventId) {
        return jdbc.sql("SELECT status FROM registry_events WHERE event_id = ?").param(eventId).query(Integer.class).optional();
    }

    static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
