package io.portus.account.internal;

import io.portus.account.MatchedToken;
import io.portus.common.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Login state in the {@code users} table: failed attempts and lockout, shared by every instance. */
@Repository
public class LoginStore {

    private final JdbcClient jdbc;

    public LoginStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The user and which of their application tokens has {@code tokenHash}, in one query; a token expired at
     * {@code now} does not match (it is refused like a wrong password).
     */
    public Optional<LoginRow> candidate(String username, String tokenHash, Instant now) {
        return jdbc.sql("SELECT " + UserStore.COLUMNS + ", t.id AS token_id, t.scopes AS token_scopes, "
                        + "t.expires_at AS token_expires_at, t.last_used_at AS token_last_used_at FROM users u "
                        + "LEFT JOIN application_tokens t ON t.user_id = u.id AND t.token_hash = ? "
                        + "AND (t.expires_at IS NULL OR t.expires_at > ?) WHERE u.username = ?")
                .params(tokenHash, DbTime.toDb(now), username)
                .query((rs, n) -> new LoginRow(UserStore.ROW.mapRow(rs, n), ApplicationTokenStore.matched(rs)))
                .optional();
    }

    /**
     * Counts one failure; the {@code maxAttempts}-th failure locks the account for {@code lockFor}.
     * The lock column is assigned first: MariaDB evaluates SET left to right, the others on the old row,
     * so both see the old counter.
     */
    public void recordFailure(long userId, int maxAttempts, Duration lockFor) {
        jdbc.sql("UPDATE users SET locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END, "
                        + "failed_attempts = failed_attempts + 1 WHERE id = ?")
                .params(maxAttempts, DbTime.toDb(DbTime.now().plus(lockFor)), userId)
                .update();
    }

    public void resetFailures(long userId) {
        jdbc.sql("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ? AND "
                        + "(failed_attempts <> 0 OR locked_until IS NOT NULL)")
                .param(userId).update();
    }

    /** Clears an expired lock (the counter starts again at 0, as Devise does). */
    public void clearExpiredLock(long userId, Instant now) {
        jdbc.sql("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ? AND locked_until <= ?")
                .params(userId, DbTime.toDb(now)).update();
    }

    /** A users row with the application token {@link #candidate} matched (null: none). */
    public record LoginRow(UserRow row, MatchedToken token) {
    }
}
