package io.portus.account.internal;

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

    /** The user and whether {@code tokenHash} is one of their application tokens, in one query. */
    public Optional<LoginRow> candidate(String username, String tokenHash) {
        return jdbc.sql("SELECT " + UserStore.COLUMNS + ", (SELECT COUNT(*) FROM application_tokens t "
                        + "WHERE t.user_id = u.id AND t.token_hash = ?) AS token_match FROM users u WHERE u.username = ?")
                .params(tokenHash, username)
                .query((rs, n) -> new LoginRow(UserStore.ROW.mapRow(rs, n), rs.getLong("token_match") > 0))
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

    /** A users row with the application-token match of {@link #candidate}. */
    public record LoginRow(UserRow row, boolean tokenMatched) {
    }
}
