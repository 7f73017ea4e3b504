package io.portus.auth.authn;

import io.portus.account.User;

import java.util.Optional;

/**
 * A directory that checks passwords instead of this database (LDAP, issue #9), implemented outside the auth
 * module so that auth depends on no directory. {@link CredentialsAuthenticator} asks it, when it is
 * {@link #enabled()}, for the password of every person who is not a bot nor the hidden {@code portus} user
 * and whose account is the directory's or does not exist yet; the lockout, the disabled flag and the cache
 * of verified credentials stay the authenticator's.
 */
public interface ExternalPasswords {

    boolean enabled();

    /** Whether {@code provider} (users.provider, {@code null} for a local account) is this directory's. */
    boolean owns(String provider);

    /**
     * Checks {@code password} of {@code login} against the directory; on success finds or creates the
     * Portus account (first sign-in) and brings it up to date (admin, team memberships).
     *
     * @param existing the account the authenticator found for {@code login}, if any
     */
    Outcome check(String login, String password, Optional<User> existing);

    /** What the directory answered. */
    sealed interface Outcome {
    }

    /** The directory knows the person and the password is right: {@code user} is their Portus account. */
    record Accepted(User user) implements Outcome {
    }

    /** The directory knows the person but the password is wrong, or the person may not sign in. */
    record Rejected(String reason) implements Outcome {
    }

    /** The directory has no such person (a local account may then use its own password). */
    record Unknown() implements Outcome {
    }

    /** The directory could not be asked (down, timeout, TLS failure): {@code reason} has no secrets. */
    record Unavailable(String reason) implements Outcome {
    }
}
