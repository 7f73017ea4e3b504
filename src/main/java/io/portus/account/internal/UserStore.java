package io.portus.account.internal;

import io.portus.account.User;
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

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code users} table. */
@Repository
public class UserStore {

    static final String COLUMNS = "u.id, u.username, u.email, u.encrypted_password, u.admin, u.enabled, u.bot, "
            + "u.failed_attempts, u.locked_until, u.display_name, u.namespace_id, u.credentials_stamp, "
            + "u.created_at, u.updated_at";

    static final RowMapper<UserRow> ROW = (rs, n) -> new UserRow(
            new User(rs.getLong("id"), rs.getString("username"), rs.getString("email"), rs.getString("display_name"),
                    rs.getBoolean("admin"), rs.getBoolean("enabled"), rs.getBoolean("bot"),
                    (Long) rs.getObject("namespace_id", Long.class), DbTime.read(rs, "locked_until"),
                    DbTime.read(rs, "created_at"), DbTime.read(rs, "updated_at")),
            rs.getString("encrypted_password"), rs.getInt("failed_attempts"), rs.getString("credentials_stamp"));

    /** The API's sortable attributes of users. */
    public static final SortColumns SORTS = new SortColumns("u.id").text("username", "u.username").text("email", "u.email")
            .other("created_at", "u.created_at").other("updated_at", "u.updated_at");

    private final JdbcClient jdbc;
    private final SqlPages pages;

    public UserStore(JdbcClient jdbc, SqlPages pages) {
        this.jdbc = jdbc;
        this.pages = pages;
    }

    public long insert(String username, String email, String encryptedPassword, String displayName, boolean admin,
                       boolean bot, String stamp) {
        Instant now = DbTime.now();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO users (username, email, encrypted_password, display_name, admin, enabled, bot, "
                        + "failed_attempts, credentials_stamp, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, TRUE, ?, 0, ?, ?, ?)")
                .params(username, email, encryptedPassword, displayName, admin, bot, stamp,
                        DbTime.toDb(now), DbTime.toDb(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<UserRow> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users u WHERE u.id = ?").param(id).query(ROW).optional();
    }

    public Optional<UserRow> byUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users u WHERE u.username = ?").param(username).query(ROW).optional();
    }

    public Optional<UserRow> byEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users u WHERE u.email = ?").param(email).query(ROW).optional();
    }

    /** Every user but the hidden {@code portus} user, by id. */
    public List<UserRow> listVisible() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users u WHERE u.username <> ? ORDER BY u.id")
                .param(User.PORTUS).query(ROW).list();
    }

    /** A page of {@link #listVisible()} ({@code limit + 1} rows, to tell whether more follow). */
    public List<UserRow> pageVisible(int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users u WHERE u.username <> ? ORDER BY u.id LIMIT ? OFFSET ?")
                .params(User.PORTUS, limit + 1, offset).query(ROW).list();
    }

    /** {@link #listVisible()} in the database's pages and the order asked for (attributes: {@link #SORTS}). */
    public Page<UserRow> pageVisible(PageQuery query) {
        return pages.read(COLUMNS, "FROM users u WHERE u.username <> ?", List.of(User.PORTUS), SORTS, query, ROW);
    }

    public long countVisible() {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE username <> ?").param(User.PORTUS).query(Long.class).single();
    }

    public long countEnabledAdmins() {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE admin = TRUE AND enabled = TRUE AND username <> ?")
                .param(User.PORTUS).query(Long.class).single();
    }

    public boolean usernameTaken(String username, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE username = ? AND id <> ?").params(username, exceptId)
                .query(Long.class).single() > 0;
    }

    public boolean emailTaken(String email, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ? AND id <> ?").params(email, exceptId)
                .query(Long.class).single() > 0;
    }

    public void updateProfile(long id, String username, String email, String displayName) {
        jdbc.sql("UPDATE users SET username = ?, email = ?, display_name = ?, updated_at = ? WHERE id = ?")
                .params(username, email, displayName, DbTime.toDb(DbTime.now()), id).update();
    }

    /** A new password also gets a new credentials stamp, which revokes refresh tokens and cached checks. */
    public void updatePassword(long id, String encryptedPassword, String stamp) {
        jdbc.sql("UPDATE users SET encrypted_password = ?, credentials_stamp = ?, updated_at = ? WHERE id = ?")
                .params(encryptedPassword, stamp, DbTime.toDb(DbTime.now()), id).update();
    }

    public void updateAdmin(long id, boolean admin) {
        jdbc.sql("UPDATE users SET admin = ?, updated_at = ? WHERE id = ?")
                .params(admin, DbTime.toDb(DbTime.now()), id).update();
    }

    public void updateEnabled(long id, boolean enabled, String stamp) {
        jdbc.sql("UPDATE users SET enabled = ?, credentials_stamp = ?, failed_attempts = 0, locked_until = NULL, "
                        + "updated_at = ? WHERE id = ?")
                .params(enabled, stamp, DbTime.toDb(DbTime.now()), id).update();
    }

    public void updateNamespace(long id, long namespaceId) {
        jdbc.sql("UPDATE users SET namespace_id = ? WHERE id = ?").params(namespaceId, id).update();
    }

    public int delete(long id) {
        return jdbc.sql("DELETE FROM users WHERE id = ?").param(id).update();
    }
}
