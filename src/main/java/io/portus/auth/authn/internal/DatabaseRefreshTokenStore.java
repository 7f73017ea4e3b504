package io.portus.auth.authn.internal;

import io.portus.account.LoginCandidate;
import io.portus.account.Logins;
import io.portus.auth.Principal;
import io.portus.auth.authn.RefreshTokenStore;
import io.portus.common.DbTime;
import io.portus.common.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Refresh tokens in the {@code refresh_tokens} table (SHA-256 of the token), bound to the user, the
 * service and the user's credentials stamp at issue time; valid for {@code portus.auth.refresh-token-lifetime}
 * (default 30 days). A password change or disable changes the stamp, which revokes them all.
 */
@Service
class DatabaseRefreshTokenStore implements RefreshTokenStore {

    private final JdbcClient jdbc;
    private final Logins logins;
    private final Duration lifetime;

    DatabaseRefreshTokenStore(JdbcClient jdbc, Logins logins,
                              AuthProperties properties) {
        this.jdbc = jdbc;
        this.logins = logins;
        this.lifetime = properties.refreshTokenLifetime();
    }

    @Override
    public String issue(Principal principal, String service) {
        String token = Secrets.newToken();
        Instant now = DbTime.now();
        jdbc.sql("DELETE FROM refresh_tokens WHERE user_id = ? AND expires_at <= ?")
                .params(principal.userId(), DbTime.toDb(now)).update();
        jdbc.sql("INSERT INTO refresh_tokens (token_hash, user_id, service, credentials_stamp, created_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(Secrets.sha256Hex(token), principal.userId(), service, principal.credentialsStamp(),
                        DbTime.toDb(now), DbTime.toDb(now.plus(lifetime)))
                .update();
        return token;
    }

    @Override
    public Optional<Principal> redeem(String refreshToken, String service) {
        if (refreshToken == null || refreshToken.isEmpty() || service == null) {
            return Optional.empty();
        }
        Instant now = DbTime.now();
        Optional<Stored> stored = jdbc.sql("SELECT user_id, service, credentials_stamp, expires_at FROM refresh_tokens "
                        + "WHERE token_hash = ?")
                .param(Secrets.sha256Hex(refreshToken))
                .query((rs, n) -> new Stored(rs.getLong("user_id"), rs.getString("service"),
                        rs.getString("credentials_stamp"), DbTime.read(rs, "expires_at")))
                .optional();
        return stored
                .filter(s -> s.service().equals(service) && s.expiresAt().isAfter(now))
                .flatMap(s -> logins.byId(s.userId())
                        .filter(c -> c.user().enabled() && !c.locked(now) && c.credentialsStamp().equals(s.stamp())))
                .map(DatabaseRefreshTokenStore::principal);
    }

    private static Principal principal(LoginCandidate c) {
        return new Principal(c.user().id(), c.user().username(), c.user().admin(), c.credentialsStamp());
    }

    private record Stored(long userId, String service, String stamp, Instant expiresAt) {
    }
}
