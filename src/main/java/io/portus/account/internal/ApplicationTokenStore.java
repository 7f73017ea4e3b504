package io.portus.account.internal;

import io.portus.account.ApplicationToken;
import io.portus.common.DbTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** The {@code application_tokens} table (only SHA-256 hashes of the tokens). */
@Repository
public class ApplicationTokenStore {

    private static final RowMapper<ApplicationToken> ROW = (rs, n) -> new ApplicationToken(
            rs.getLong("id"), rs.getLong("user_id"), rs.getString("application"), DbTime.read(rs, "created_at"));

    private final JdbcClient jdbc;

    public ApplicationTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long userId, String application, String tokenHash) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO application_tokens (user_id, application, token_hash, created_at) VALUES (?, ?, ?, ?)")
                .params(userId, application, tokenHash, DbTime.toDb(DbTime.now()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public List<ApplicationToken> byUser(long userId) {
        return jdbc.sql("SELECT id, user_id, application, created_at FROM application_tokens WHERE user_id = ? ORDER BY id")
                .param(userId).query(ROW).list();
    }

    public Optional<ApplicationToken> byId(long id) {
        return jdbc.sql("SELECT id, user_id, application, created_at FROM application_tokens WHERE id = ?")
                .param(id).query(ROW).optional();
    }

    public int countByUser(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM application_tokens WHERE user_id = ?").param(userId)
                .query(Integer.class).single();
    }

    public boolean applicationTaken(long userId, String application) {
        return jdbc.sql("SELECT COUNT(*) FROM application_tokens WHERE user_id = ? AND application = ?")
                .params(userId, application).query(Integer.class).single() > 0;
    }

    public int delete(long id) {
        return jdbc.sql("DELETE FROM application_tokens WHERE id = ?").param(id).update();
    }
}
