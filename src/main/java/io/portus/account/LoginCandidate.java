package io.portus.account;

import java.time.Instant;

/**
 * A user trying to log in, as loaded for one authentication attempt: flags, lockout, the credentials
 * stamp, and whether the secret given was one of their application tokens. The password hash stays
 * inside the account module.
 */
public final class LoginCandidate {

    private final User user;
    private final String credentialsStamp;
    private final int failedAttempts;
    private final MatchedToken token;
    private final String encryptedPassword;

    LoginCandidate(User user, String credentialsStamp, int failedAttempts, MatchedToken token, String encryptedPassword) {
        this.user = user;
        this.credentialsStamp = credentialsStamp;
        this.failedAttempts = failedAttempts;
        this.token = token;
        this.encryptedPassword = encryptedPassword;
    }

    public User user() {
        return user;
    }

    public String credentialsStamp() {
        return credentialsStamp;
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    /** The secret given is one of this user's application tokens. */
    public boolean tokenMatched() {
        return token != null;
    }

    /** The application token the secret matched (not expired), or null. */
    public MatchedToken matchedToken() {
        return token;
    }

    public boolean hasPassword() {
        return encryptedPassword != null && !encryptedPassword.isEmpty();
    }

    public boolean locked(Instant now) {
        return user.lockedAt(now);
    }

    String encryptedPassword() {
        return encryptedPassword;
    }

    @Override
    public String toString() {
        return "LoginCandidate[" + user.username() + "]";
    }
}
