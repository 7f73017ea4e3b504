package io.portus.account.internal;

import io.portus.account.ApplicationToken;
import io.portus.account.MatchedToken;
import io.portus.account.TokenOptions;
import io.portus.account.TokenScope;
import io.portus.common.DbTime;
import io.portus.common.Page;
import io.portus.common.PageQuery;
import io.portus.common.SortColumns;
import io.portus.common.SqlPages;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code application_tokens} table (only SHA-256 hashes of the tokens). */
@Repository
public class ApplicationTokenStore {

    public static final SortColumns SORTS = new SortColumns("t.id").text("application", "t.application")
            .text("owner", "u.username").other("created_at", "t.created_at").other("expires_at", "t.expires_at")
            .other("last_used_at", "t.last_used_at");

    private static final String COLUMNS = "t.id, t.user_id, u.username, t.application, t.created_at, t.expires_at, "
            + "t.scopes, t.last_used_at, t.last_used_ip";
    private static final String FROM = " FROM application_tokens t JOIN users u ON u.id = t.user_id";

    private static final RowMapper<ApplicationToken> ROW = (rs, n) -> new ApplicationToken(
            rs.getLong("id"), rs.getLong("user_id"), rs.getString("username"), rs.getString("application"),
            DbTime.read(rs, "created_at"), DbTime.read(rs, "expires_at"), TokenScope.parse(rs.getString("scopes")),
            DbTime.read(rs, "last_used_at"), rs.getString("last_used_ip"));

    private final JdbcClient jdbc;
    private final SqlPages pages;

    public ApplicationTokenStore(JdbcClient jdbc, SqlPages pages) {
        this.jdbc = jdbc;
        this.pages = pages;
    }

    public long insert(long userId, String application, String tokenHash, TokenOptions options) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO application_tokens (user_id, application, token_hash, created_at, expires_at, scopes) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(userId, application, tokenHash, DbTime.toDb(DbTime.now()), DbTime.toDb(options.expiresAt()),
                        options.scope() == null ? null : options.scope().format())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public List<ApplicationToken> byUser(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE t.user_id = ? ORDER BY t.id").param(userId).query(ROW).list();
    }

    public Optional<ApplicationToken> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE t.id = ?").param(id).query(ROW).optional();
    }

    /** Every user's tokens, a page at a time (attributes: {@link #SORTS}). */
    public Page<ApplicationToken> page(PageQuery query) {
        return pages.read(COLUMNS, FROM, List.of(), SORTS, query, ROW);
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

    /**
     * Records a use at {@code now} from {@code address} unless one at or after {@code notBefore} is already
     * recorded (another request or instance got there first).
     */
    public void used(long id, Instant now, String address, Instant notBefore) {
        jdbc.sql("UPDATE application_tokens SET last_used_at = ?, last_used_ip = ? WHERE id = ? "
                        + "AND (last_used_at IS NULL OR last_used_at < ?)")
                .params(DbTime.toDb(now), address, id, DbTime.toDb(notBefore)).update();
    }

    /** The token columns {@code token_id}, {@code token_scopes}, … of a login query, or null without a match. */
    static MatchedToken matched(ResultSet rs) throws SQLException {
        long id = rs.getLong("token_id");
        if (rs.wasNull()) {
            return null;
        }
        return new MatchedToken(id, TokenScope.parse(rs.getString("token_scopes")), DbTime.read(rs, "token_expires_at"),
                DbTime.read(rs, "token_last_used_at"));
    }
}
