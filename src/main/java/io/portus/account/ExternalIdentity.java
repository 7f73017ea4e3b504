package io.portus.account;

/**
 * A person as an external identity provider knows them (issue #9).
 *
 * @param provider Portus's omniauth name: {@code ldap}, {@code openid_connect}, {@code github}, {@code gitlab},
 *                 {@code google_oauth2}, {@code bitbucket}
 * @param uid      the provider's stable id of the person (LDAP DN, OIDC {@code sub}, GitHub user id)
 */
public record ExternalIdentity(String provider, String uid) {

    public ExternalIdentity {
        if (provider == null || provider.isBlank() || provider.length() > 32) {
            throw new IllegalArgumentException("provider must be 1-32 characters");
        }
        if (uid == null || uid.isBlank() || uid.length() > 255) {
            throw new IllegalArgumentException("uid must be 1-255 characters");
        }
    }
}
