package io.portus.account.internal;

import io.portus.common.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

/** The {@code password_resets} table (migration V64): hashes of one-time reset tokens. */
@Repository
public class PasswordResetStore {

    /** What a token is worth at a moment. */
    public enum State { VALID, EXPIRED, USED, UNKNOWN }

    private final JdbcClient jdbc;

    public PasswordResetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user whose address this is, ignoring case (Devise's case-insensitive email key). */
    public Optional<UserRow> userByEmail(String email) {
        return jdbc.sql("SELECT " + UserStore.COLUMNS + " FROM users u WHERE LOWER(u.email) = LOWER(?)")
                .param(email).query(UserStore.ROW).list().stream().findFirst();
    }

    /** When the last reset (or reset refusal) mail of the user was asked for. */
    public Optional<Instant> lastCreated(long userId) {
        return jdbc.sql("SELECT MAX(created_at) AS last FROM password_resets WHERE user_id = ?").param(userId)
                .query((rs, n) -> Optional.ofNullable(DbTime.read(rs, "last"))).single();
    }

    /**
     * Stores a new token of the user and ends every earlier one still open; a token born {@code used} only
     * records the time (for accounts that cannot reset a password).
     */
    public void create(long userId, String tokenHash, Instant now, Instant expiresAt, boolean used) {
        jdbc.sql("UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL")
                .params(DbTime.toDb(now), userId).update();
        jdbc.sql("INSERT INTO password_resets (user_id, token_hash, created_at, expires_at, used_at) VALUES (?, ?, ?, ?, ?)")
                .params(userId, tokenHash, DbTime.toDb(now), DbTime.toDb(expiresAt), used ? DbTime.toDb(now) : null)
                .update();
    }

    public State state(String tokenHash, Instant now) {
        return jdbc.sql("SELECT expires_at, used_at FROM password_resets WHERE token_hash = ?").param(tokenHash)
                .query((rs, n) -> DbTime.read(rs, "used_at") != null ? State.USED
                        : DbTime.read(rs, "expires_at").isAfter(now) ? State.VALID : State.EXPIRED)
                .optional().orElse(State.UNKNOWN);
    }

    /** Marks a valid token used, atomically (one of two concurrent uses wins); its user, when it was valid. */
    public Optional<Long> use(String tokenHash, Instant now) {
        int changed = jdbc.sql("UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL "
                        + "AND expires_at > ?")
                .params(DbTime.toDb(now), tokenHash, DbTime.toDb(now)).update();
        if (changed != 1) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT user_id FROM password_resets WHERE token_hash = ?").param(tokenHash)
                .query(Long.class).optional();
    }

    /** Deletes rows created before {@code before}; how many. */
    public int deleteOlderThan(Instant before) {
        return jdbc.sql("DELETE FROM password_resets WHERE created_at < ?").param(DbTime.toDb(before)).update();
    }
}
