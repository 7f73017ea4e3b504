package io.portus.auth.authn;

import io.portus.auth.Principal;

/**
 * Checks Basic credentials given to {@code /v2/token} (and {@code docker login}): a user's password
 * or one of their application tokens. Implementations count failures and lock the account after 10
 * failed attempts for 10 minutes (state in the database), and refuse disabled users.
 */
public interface CredentialsAuthenticator {

    Result authenticate(String username, String secret);

    /** Outcome of an authentication attempt. */
    sealed interface Result {
    }

    record Authenticated(Principal principal) implements Result {
    }

    /** Wrong credentials, unknown user, disabled or locked account: the reason is for logs only. */
    record Refused(String reason) implements Result {
    }
}
