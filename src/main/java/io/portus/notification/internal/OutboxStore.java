package io.portus.notification.internal;

import java.util.List;
import java.util.Optional;

import io.portus.common.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification_outbox} table: one ordered queue per endpoint name. */
@Repository
class OutboxStore {

    record Row(long id, String eventId, String data, int attempts) {
    }

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(List<String> endpoints, String eventId, String data) {
        for (String endpoint : endpoints) {
            jdbc.sql("INSERT INTO notification_outbox (endpoint, event_id, data, attempts, created_at) VALUES (?, ?, ?, 0, ?)")
                    .params(endpoint, eventId, data, DbTime.toDb(DbTime.now())).update();
        }
    }

    /** The oldest queued event of an endpoint. */
    Optional<Row> head(String endpoint) {
        return jdbc.sql("SELECT id, event_id, data, attempts FROM notification_outbox WHERE endpoint = ? ORDER BY id LIMIT 1")
                .param(endpoint).query((rs, i) -> new Row(rs.getLong("id"), rs.getString("event_id"), rs.getString("data"),
                        rs.getInt("attempts"))).optional();
    }

    void delivered(long id) {
        jdbc.sql("DELETE FROM notification_outbox WHERE id = ?").param(id).update();
    }

    void failed(long id, String error) {
        jdbc.sql("UPDATE notification_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?")
                .params(error == null || error.length() <= 1000 ? error : error.substring(0, 1000), id).update();
    }

    long queued(String endpoint) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE endpoint = ?").param(endpoint)
                .query(Long.class).single();
    }
}
