package io.portus.auth.authn.internal;

import io.portus.account.ApplicationTokenService;
import io.portus.account.LoginCandidate;
import io.portus.account.Logins;
import io.portus.account.MatchedToken;
import io.portus.auth.Principal;
import io.portus.auth.TokenRestriction;
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
 * (default 30 days). A password change or disable changes the stamp, which revokes them all. One issued from an
 * application token is also bound to it ({@code application_token_id}): it expires no later than that token, is
 * deleted with it, and each redemption reloads the token's current scope.
 */
@Service
class DatabaseRefreshTokenStore implements RefreshTokenStore {

    private final JdbcClient jdbc;
    private final Logins logins;
    private final ApplicationTokenService applicationTokens;
    private final Duration lifetime;

    DatabaseRefreshTokenStore(JdbcClient jdbc, Logins logins, ApplicationTokenService applicationTokens,
                              AuthProperties properties) {
        this.jdbc = jdbc;
        this.logins = logins;
        this.applicationTokens = applicationTokens;
        this.lifetime = properties.refreshTokenLifetime();
    }

    @Override
    public String issue(Principal principal, String service) {
        String token = Secrets.newToken();
        Instant now = DbTime.now();
        Instant expires = now.plus(lifetime);
        TokenRestriction restriction = principal.restriction();
        if (restriction != null && restriction.expiresAt() != null && restriction.expiresAt().isBefore(expires)) {
            expires = restriction.expiresAt();
        }
        jdbc.sql("DELETE FROM refresh_tokens WHERE user_id = ? AND expires_at <= ?")
                .params(principal.userId(), DbTime.toDb(now)).update();
        jdbc.sql("INSERT INTO refresh_tokens (token_hash, user_id, service, credentials_stamp, created_at, expires_at, "
                        + "application_token_id) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(Secrets.sha256Hex(token), principal.userId(), service, principal.credentialsStamp(),
                        DbTime.toDb(now), DbTime.toDb(expires), restriction == null ? null : restriction.applicationTokenId())
                .update();
        return token;
    }

    @Override
    public Optional<Principal> redeem(String refreshToken, String service) {
        return redeem(refreshToken, service, null);
    }

    @Override
    public Optional<Principal> redeem(String refreshToken, String service, String address) {
        if (refreshToken == null || refreshToken.isEmpty() || service == null) {
            return Optional.empty();
        }
        Instant now = DbTime.now();
        Optional<Stored> stored = jdbc.sql("SELECT user_id, service, credentials_stamp, expires_at, application_token_id "
                        + "FROM refresh_tokens WHERE token_hash = ?")
                .param(Secrets.sha256Hex(refreshToken))
                .query((rs, n) -> {
                    long appToken = rs.getLong("application_token_id");
                    Long applicationTokenId = rs.wasNull() ? null : appToken;
                    return new Stored(rs.getLong("user_id"), rs.getString("service"), rs.getString("credentials_stamp"),
                            DbTime.read(rs, "expires_at"), applicationTokenId);
                })
                .optional();
        Optional<Stored> valid = stored.filter(s -> s.service().equals(service) && s.expiresAt().isAfter(now));
        if (valid.isEmpty()) {
            return Optional.empty();
        }
        Stored s = valid.get();
        TokenRestriction restriction = null;
        if (s.applicationTokenId() != null) {
            Optional<MatchedToken> current = applicationTokens.current(s.applicationTokenId());
            if (current.isEmpty()) {
                return Optional.empty();
            }
            applicationTokens.used(current.get(), address);
            restriction = TokenRestriction.of(current.get());
        }
        TokenRestriction r = restriction;
        return logins.byId(s.userId())
                .filter(c -> c.user().enabled() && !c.locked(now) && c.credentialsStamp().equals(s.stamp()))
                .map(c -> principal(c, r));
    }

    private static Principal principal(LoginCandidate c, TokenRestriction restriction) {
        return new Principal(c.user().id(), c.user().username(), c.user().admin(), c.credentialsStamp(), restriction);
    }

    private record Stored(long userId, String service, String stamp, Instant expiresAt, Long applicationTokenId) {
    }
}
