package io.portus.auth.authn;

import io.portus.auth.Principal;

/**
 * Checks Basic credentials given to {@code /v2/token} (and {@code docker login}): a user's password
 * or one of their application tokens. Implementations count failures and lock the account after 10
 * failed attempts for 10 minutes (state in the database), and refuse disabled users.
 */
public interface CredentialsAuthenticator {

    Result authenticate(String username, String secret);

    /**
     * {@link #authenticate(String, String)} from the client {@code address}: an application token's last use
     * (time and address) is recorded, at most once a minute per token.
     */
    default Result authenticate(String username, String secret, String address) {
        return authenticate(username, secret);
    }

    /**
     * The same checks and lockout for a password only (the web UI's sign-in form): application tokens are
     * not accepted here, as in Portus.
     */
    Result authenticatePassword(String username, String password);

    /** Outcome of an authentication attempt. */
    sealed interface Result {
    }

    record Authenticated(Principal principal) implements Result {
    }

    /**
     * Wrong credentials, unknown user, disabled or locked account: the reason is for logs only.
     *
     * @param locked the account is locked (10 failed attempts), this attempt included: a person can be told
     */
    record Refused(String reason, boolean locked) implements Result {

        public Refused(String reason) {
            this(reason, false);
        }
    }

    /**
     * The password could not be checked because the directory that holds it ({@link ExternalPasswords}, LDAP) is
     * down or too slow: not counted as a failure; the reason has no secrets.
     */
    record Unavailable(String reason) implements Result {
    }
}
