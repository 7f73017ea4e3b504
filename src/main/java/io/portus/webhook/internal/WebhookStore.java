package io.portus.webhook.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.portus.common.DbTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code webhooks} and {@code webhook_headers} tables (secrets as stored: encrypted). */
@Repository
public class WebhookStore {

    /** A row; {@code method} 0 GET / 1 POST, {@code contentType} 0 JSON / 1 form. */
    public record Row(long id, long namespaceId, String name, String url, int method, int contentType, String username,
                      String passwordEnc, boolean enabled, Instant createdAt, Instant updatedAt) {
    }

    /** A header row (value encrypted). */
    public record HeaderRow(long id, long webhookId, String name, String valueEnc) {
    }

    private static final String SELECT = "SELECT id, namespace_id, name, url, request_method, content_type, username, "
            + "password_enc, enabled, created_at, updated_at FROM webhooks ";
    private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getLong("id"), rs.getLong("namespace_id"),
            rs.getString("name"), rs.getString("url"), rs.getInt("request_method"), rs.getInt("content_type"),
            rs.getString("username"), rs.getString("password_enc"), rs.getBoolean("enabled"),
            DbTime.read(rs, "created_at"), DbTime.read(rs, "updated_at"));

    private final JdbcClient jdbc;

    public WebhookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Row r) {
        Instant now = DbTime.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO webhooks (namespace_id, name, url, request_method, content_type, username, password_enc, "
                        + "enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.namespaceId(), r.name(), r.url(), r.method(), r.contentType(), r.username(), r.passwordEnc(),
                        r.enabled(), DbTime.toDb(now), DbTime.toDb(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void update(Row r) {
        jdbc.sql("UPDATE webhooks SET name = ?, url = ?, request_method = ?, content_type = ?, username = ?, password_enc = ?, "
                        + "enabled = ?, updated_at = ? WHERE id = ?")
                .params(r.name(), r.url(), r.method(), r.contentType(), r.username(), r.passwordEnc(), r.enabled(),
                        DbTime.toDb(DbTime.now()), r.id())
                .update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM webhooks WHERE id = ?").param(id).update();
    }

    public Optional<Row> byId(long id) {
        return jdbc.sql(SELECT + "WHERE id = ?").param(id).query(ROW).optional();
    }

    public List<Row> ofNamespace(long namespaceId) {
        return jdbc.sql(SELECT + "WHERE namespace_id = ? ORDER BY id").param(namespaceId).query(ROW).list();
    }

    public List<HeaderRow> headers(long webhookId) {
        return jdbc.sql("SELECT id, webhook_id, name, value_enc FROM webhook_headers WHERE webhook_id = ? ORDER BY id")
                .param(webhookId).query((rs, i) -> new HeaderRow(rs.getLong("id"), rs.getLong("webhook_id"),
                        rs.getString("name"), rs.getString("value_enc"))).list();
    }

    public long addHeader(long webhookId, String name, String valueEnc) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO webhook_headers (webhook_id, name, value_enc, created_at) VALUES (?, ?, ?, ?)")
                .params(webhookId, name, valueEnc, DbTime.toDb(DbTime.now())).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public boolean removeHeader(long webhookId, long headerId) {
        return jdbc.sql("DELETE FROM webhook_headers WHERE webhook_id = ? AND id = ?").params(webhookId, headerId).update() > 0;
    }
}
