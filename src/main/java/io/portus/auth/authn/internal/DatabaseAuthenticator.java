package io.portus.auth.authn.internal;

import io.portus.account.ApplicationTokenService;
import io.portus.account.ExternalAccounts;
import io.portus.account.LoginCandidate;
import io.portus.account.Logins;
import io.portus.account.User;
import io.portus.auth.Principal;
import io.portus.auth.TokenRestriction;
import io.portus.auth.authn.CredentialsAuthenticator;
import io.portus.auth.authn.ExternalPasswords;
import io.portus.common.DbTime;
import org.springframework.beans.factory.ObjectProvider;
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
 * <p>
 * With an enabled {@link ExternalPasswords} (LDAP), the passwords of people who are neither bots nor
 * {@code portus} and whose account is the directory's, local (LDAP takes the login over; a local account the
 * directory does not know, or any local account while the directory is down, keeps its own password) or not
 * there yet go to the directory; its successes are cached the same way (an LDAP password change takes effect
 * within the cache's time to live) and its refusals count towards the lockout.
 */
@Service
class DatabaseAuthenticator implements CredentialsAuthenticator {

    private final Logins logins;
    private final ApplicationTokenService tokens;
    private final VerifiedCredentials cache;
    private final ObjectProvider<ExternalPasswords> directories;
    private final ExternalAccounts accounts;

    DatabaseAuthenticator(Logins logins, ApplicationTokenService tokens, AuthProperties properties,
                          ObjectProvider<ExternalPasswords> directories, ExternalAccounts accounts) {
        this.logins = logins;
        this.tokens = tokens;
        this.accounts = accounts;
        this.directories = directories;
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
        ExternalPasswords directory = directories.getIfAvailable();
        boolean external = directory != null && directory.enabled();
        Optional<LoginCandidate> found = logins.candidate(username, secret);
        if (found.isEmpty()) {
            return external && !User.PORTUS.equalsIgnoreCase(username) ? firstSignIn(directory, username, secret)
                    : new Refused("unknown user");
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
        if (cache.contains(key)) {
            return accept(c);
        }
        if (external && !c.user().bot() && !c.user().portus()) {
            Optional<String> provider = accounts.providerOf(c.user().id());
            if (provider.isEmpty() || directory.owns(provider.get())) {
                return viaDirectory(directory, username, c, key, secret, provider.isEmpty() && c.hasPassword());
            }
        }
        return local(c, key, secret);
    }

    private Result local(LoginCandidate c, String key, String secret) {
        if (cache.verify(key, () -> logins.passwordMatches(c, secret))) {
            return accept(c);
        }
        return failed(c, "wrong password");
    }

    private Result failed(LoginCandidate c, String reason) {
        logins.failed(c);
        boolean nowLocked = c.failedAttempts() + 1 >= Logins.MAX_FAILED_ATTEMPTS;
        return new Refused(nowLocked ? reason + "; account now locked" : reason, nowLocked);
    }

    /** A known person whose password the directory checks; {@code localFallback}: a local account with a password. */
    private Result viaDirectory(ExternalPasswords directory, String login, LoginCandidate c, String key, String secret,
                                boolean localFallback) {
        ExternalPasswords.Outcome outcome = directory.check(login, secret, Optional.of(c.user()));
        return switch (outcome) {
            case ExternalPasswords.Accepted a -> {
                cache.verify(key, () -> true);
                yield acceptFresh(a.user());
            }
            case ExternalPasswords.Rejected r -> failed(c, "wrong password (directory: " + r.reason() + ")");
            case ExternalPasswords.Unknown u -> localFallback ? local(c, key, secret)
                    : failed(c, "not in the directory");
            case ExternalPasswords.Unavailable u -> localFallback ? local(c, key, secret) : new Unavailable(u.reason());
        };
    }

    /** No account by that name: the directory may know the person and create their account now. */
    private Result firstSignIn(ExternalPasswords directory, String username, String secret) {
        return switch (directory.check(username, secret, Optional.empty())) {
            case ExternalPasswords.Accepted a -> {
                Optional<LoginCandidate> created = logins.byId(a.user().id());
                if (created.isEmpty() || !created.get().user().enabled()) {
                    yield new Refused("account disabled");
                }
                if (created.get().locked(DbTime.now())) {
                    yield new Refused("account locked after too many failed attempts", true);
                }
                cache.verify(cache.key(a.user().id(), created.get().credentialsStamp(), secret), () -> true);
                yield accept(created.get());
            }
            case ExternalPasswords.Rejected r -> new Refused("directory: " + r.reason());
            case ExternalPasswords.Unknown u -> new Refused("unknown user");
            case ExternalPasswords.Unavailable u -> new Unavailable(u.reason());
        };
    }

    /** After a directory sign-in the account may have changed (admin base): the principal is built from its row. */
    private Result acceptFresh(User user) {
        return logins.byId(user.id()).<Result>map(this::accept).orElseGet(() -> new Refused("unknown user"));
    }

    private Result accept(LoginCandidate c) {
        logins.succeeded(c);
        return new Authenticated(new Principal(c.user().id(), c.user().username(), c.user().admin(), c.credentialsStamp()));
    }

    long cachedEntries() {
        return cache.size();
    }
}
