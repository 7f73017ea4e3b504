package io.portus.account;

import io.portus.account.internal.LoginStore;
import io.portus.account.internal.PasswordHashing;
import io.portus.account.internal.PortusTokens;
import io.portus.account.internal.UserRow;
import io.portus.account.internal.UserStore;
import io.portus.common.DbTime;
import io.portus.common.Secrets;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The account side of authentication: load a candidate (with its application-token match), check a
 * password with bcrypt, and keep the lockout counters (10 failures lock for 10 minutes, as Devise's
 * lockable does in Portus). The policy of what to try first lives in {@code auth.authn}.
 */
@Service
public class Logins {

    public static final int MAX_FAILED_ATTEMPTS = 10;
    public static final Duration LOCK_TIME = Duration.ofMinutes(10);

    private final LoginStore logins;
    private final UserStore users;
    private final PasswordHashing hashing;
    private final PortusTokens portusTokens;

    Logins(LoginStore logins, UserStore users, PasswordHashing hashing, PortusTokens portusTokens) {
        this.logins = logins;
        this.users = users;
        this.hashing = hashing;
        this.portusTokens = portusTokens;
    }

    /**
     * One query: the user named {@code username} and which of their unexpired tokens {@code secret} is, if any. A
     * secret of a Portus token's shape that matched nothing is also checked against tokens imported from Portus
     * ({@link PortusTokenHashes}).
     */
    public Optional<LoginCandidate> candidate(String username, String secret) {
        if (username == null || username.isEmpty() || secret == null) {
            return Optional.empty();
        }
        Instant now = DbTime.now();
        return logins.candidate(username, Secrets.sha256Hex(secret), now)
                .map(r -> fresh(candidate(r.row(), r.token() != null ? r.token()
                        : portusTokens.match(r.row().user().id(), secret, now).orElse(null))));
    }

    /** The current state of a user (for refresh tokens and API headers), without a secret. */
    public Optional<LoginCandidate> byId(long userId) {
        return users.byId(userId).map(r -> fresh(candidate(r, null)));
    }

    /** bcrypt check of the password (50–100 ms by design). */
    public boolean passwordMatches(LoginCandidate candidate, String password) {
        return candidate.hasPassword() && hashing.matches(password, candidate.encryptedPassword());
    }

    public void failed(LoginCandidate candidate) {
        logins.recordFailure(candidate.user().id(), MAX_FAILED_ATTEMPTS, LOCK_TIME);
    }

    public void succeeded(LoginCandidate candidate) {
        if (candidate.failedAttempts() > 0) {
            logins.resetFailures(candidate.user().id());
        }
    }

    private LoginCandidate fresh(LoginCandidate c) {
        Instant now = DbTime.now();
        if (c.user().lockedUntil() != null && !c.locked(now)) {
            logins.clearExpiredLock(c.user().id(), now);
            User u = c.user();
            User unlocked = new User(u.id(), u.username(), u.email(), u.displayName(), u.admin(), u.enabled(), u.bot(),
                    u.namespaceId(), null, u.createdAt(), u.updatedAt());
            return new LoginCandidate(unlocked, c.credentialsStamp(), 0, c.matchedToken(), c.encryptedPassword());
        }
        return c;
    }

    private static LoginCandidate candidate(UserRow row, MatchedToken token) {
        return new LoginCandidate(row.user(), row.credentialsStamp(), row.failedAttempts(), token,
                row.encryptedPassword());
    }
}
