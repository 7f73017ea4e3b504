package io.portus.auth.authn.internal;

import io.portus.account.ApplicationTokenService;
import io.portus.account.LoginCandidate;
import io.portus.account.Logins;
import io.portus.auth.Principal;
import io.portus.auth.TokenRestriction;
import io.portus.auth.authn.CredentialsAuthenticator;
import io.portus.common.DbTime;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Optional;

/**
 * Basic credentials against the database, as Portus does for {@code /v2/token}: an application token
 * first (an expired one does not match, so it is refused like a wrong password; the principal carries its scope), then
 * the bcrypt password. Unknown, disabled and locked users are refused; a wrong password
 * counts towards the lockout (10 failures lock for 10 minutes). Successful bcrypt checks are remembered
 * for {@code portus.auth.credentials-cache-ttl} (default 60 s) per user, credentials stamp and secret,
 * checked after the user's current row is loaded, so a password change or disable takes effect at once.
 */
@Service
class DatabaseAuthenticator implements CredentialsAuthenticator {

    private final Logins logins;
    private final ApplicationTokenService tokens;
    private final VerifiedCredentials cache;

    DatabaseAuthenticator(Logins logins, ApplicationTokenService tokens,
                          AuthProperties properties) {
        this.logins = logins;
        this.tokens = tokens;
        this.cache = new VerifiedCredentials(properties.credentialsCacheTtl(), properties.credentialsCacheSize());
    }

    @Override
    public Result authenticate(String username, String secret) {
        return check(username, secret, true, null);
    }

    @Override
    public Result authenticate(String username, String secret, String address) {
        return check(username, secret, true, address);
    }

    @Override
    public Result authenticatePassword(String username, String password) {
        return check(username, password, false, null);
    }

    private Result check(String username, String secret, boolean acceptTokens, String address) {
        if (username == null || username.isEmpty() || secret == null || secret.isEmpty()) {
            return new Refused("no credentials");
        }
        Optional<LoginCandidate> found = logins.candidate(username, secret);
        if (found.isEmpty()) {
            return new Refused("unknown user");
        }
        LoginCandidate c = found.get();
        if (c.locked(DbTime.now())) {
            return new Refused("account locked after too many failed attempts", true);
        }
        if (!c.user().enabled()) {
            return new Refused("account disabled");
        }
        if (acceptTokens && c.tokenMatched()) {
            tokens.used(c.matchedToken(), address);
            logins.succeeded(c);
            return new Authenticated(new Principal(c.user().id(), c.user().username(), c.user().admin(),
                    c.credentialsStamp(), TokenRestriction.of(c.matchedToken())));
        }
        String key = cache.key(c.user().id(), c.credentialsStamp(), secret);
        if (cache.contains(key) || cache.verify(key, () -> logins.passwordMatches(c, secret))) {
            return accept(c);
        }
        logins.failed(c);
        boolean nowLocked = c.failedAttempts() + 1 >= Logins.MAX_FAILED_ATTEMPTS;
        return new Refused(nowLocked ? "wrong password; account now locked" : "wrong password", nowLocked);
    }

    private Result accept(LoginCandidate c) {
        logins.succeeded(c);
        return new Authenticated(new Principal(c.user().id(), c.user().username(), c.user().admin(), c.credentialsStamp()));
    }

    long cachedEntries() {
        return cache.size();
    }
}
