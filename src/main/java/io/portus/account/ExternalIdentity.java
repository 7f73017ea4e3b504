package io.portus.account;

/**
 * A person as an external identity provider knows them (issue #9).
 *
 * @param provider Portus's omniauth name: {@code ldap}, {@code openid_connect}, {@code github}, {@code gitlab},
 *                 {@code google_oauth2}, {@code bitbucket}
 * @param uid      the provider's stable id of the person (LDAP DN, OIDC {@code sub}, GitHub user id)
 */
public record ExternalIdentity(String provider, String uid) {

    public static final String LDAP = "ldap";
    /** The uid of an account imported from Portus with an {@code ldap_name}, until its first LDAP sign-in. */
    private static final String IMPORTED_LDAP_NAME = "portus-ldap-name:";

    /** The placeholder uid of an imported account Portus knew by {@code ldap_name} (the DN is not known yet). */
    public static String importedLdapName(String ldapName) {
        return IMPORTED_LDAP_NAME + ldapName.trim();
    }

    public ExternalIdentity {
        if (provider == null || provider.isBlank() || provider.length() > 32) {
            throw new IllegalArgumentException("provider must be 1-32 characters");
        }
        if (uid == null || uid.isBlank() || uid.length() > 255) {
            throw new IllegalArgumentException("uid must be 1-255 characters");
        }
    }
}
