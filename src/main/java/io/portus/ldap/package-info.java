/**
 * LDAP sign-in (issue #9, Portus's {@code ldap:} keys): passwords of people who are not bots nor
 * {@code portus} are checked by search-then-bind against the directory (plain, StartTLS or LDAPS, with a CA
 * file), as {@link io.portus.auth.authn.ExternalPasswords} for the authenticator; first sign-ins create the
 * account through {@link io.portus.account.ExternalAccounts}; the admin base makes admins; LDAP groups named
 * like teams fill those teams (on sign-in and periodically), and {@link io.portus.ldap.LdapTeamChecks} switches
 * that off per team.
 */
package io.portus.ldap;
