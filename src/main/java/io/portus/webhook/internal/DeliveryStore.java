package io.portus.webhook.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.portus.common.DbTime;
import io.portus.webhook.Delivery;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code webhook_deliveries} table. A delivery is due while {@code next_attempt_at} is set and past;
 * a success or the last failed attempt clears it.
 */
@Repository
public class DeliveryStore {

    private static final String SELECT = "SELECT id, webhook_id, uuid, status, request_header, request_body, "
            + "response_header, response_body, attempts, created_at, updated_at FROM webhook_deliveries ";
    private static final RowMapper<Delivery> ROW = (rs, i) -> new Delivery(rs.getLong("id"), rs.getLong("webhook_id"),
            rs.getString("uuid"), rs.getObject("status", Integer.class), rs.getString("request_header"),
            rs.getString("request_body"), rs.getString("response_header"), rs.getString("response_body"),
            rs.getInt("attempts"), DbTime.read(rs, "created_at"), DbTime.read(rs, "updated_at"));

    private final JdbcClient jdbc;

    public DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long queue(long webhookId, String requestBody) {
        Instant now = DbTime.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO webhook_deliveries (webhook_id, uuid, request_body, attempts, next_attempt_at, created_at, "
                        + "updated_at) VALUES (?, ?, ?, 0, ?, ?, ?)")
                .params(webhookId, UUID.randomUUID().toString(), requestBody, DbTime.toDb(now), DbTime.toDb(now),
                        DbTime.toDb(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public List<Delivery> due(int limit) {
        return jdbc.sql(SELECT + "WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= ? ORDER BY id LIMIT " + limit)
                .param(DbTime.toDb(DbTime.now())).query(ROW).list();
    }

    public void recorded(long id, int status, String requestHeader, String responseHeader, String responseBody,
                         int attempts, Instant next) {
        jdbc.sql("UPDATE webhook_deliveries SET status = ?, request_header = ?, response_header = ?, response_body = ?, "
                        + "attempts = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?")
                .params(status, requestHeader, responseHeader, responseBody, attempts, DbTime.toDb(next),
                        DbTime.toDb(DbTime.now()), id)
                .update();
    }

    /** Sends the delivery again at once (a manual re-send starts a fresh series of attempts). */
    public void resend(long id) {
        jdbc.sql("UPDATE webhook_deliveries SET attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id = ?")
                .params(DbTime.toDb(DbTime.now()), DbTime.toDb(DbTime.now()), id).update();
    }

    public List<Delivery> ofWebhook(long webhookId) {
        return jdbc.sql(SELECT + "WHERE webhook_id = ? ORDER BY id DESC").param(webhookId).query(ROW).list();
    }

    public Optional<Delivery> byId(long id) {
        return jdbc.sql(SELECT + "WHERE id = ?").param(id).query(ROW).optional();
    }
}
