package io.portus.web.oauth;

import io.portus.account.ExternalIdentity;

import java.io.Serializable;

/**
 * A person as a provider described them after a successful sign-in: who ({@code provider}, {@code uid}) and what
 * the new account would start from. Kept in the session (only) while the {@code /users/oauth} page asks for a
 * user name; never holds a token.
 *
 * @param name  the provider's user name ({@code preferred_username}, GitHub login, ...), may be null
 * @param email the provider's email, null when it gave none
 */
record ProviderIdentity(String provider, String uid, String name, String email, String displayName)
        implements Serializable {

    ExternalIdentity identity() {
        return new ExternalIdentity(provider, uid);
    }

    /** The part after the {@code @} of the email, lower case; empty without an email. */
    String emailDomain() {
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
