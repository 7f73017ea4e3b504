package io.portus.ldap;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * {@code portus.ldap.*}: Portus's {@code ldap:} block of config.yml ({@code PORTUS_LDAP_*}).
 *
 * @param enabled        sign in against LDAP
 * @param hostname       the LDAP server
 * @param port           its port (389, or 636 for {@code simple_tls})
 * @param timeout        connect and response timeout; a plain number is seconds, as in Portus
 * @param encryption     {@code method}: empty or {@code plain} (none), {@code start_tls}, {@code simple_tls} (LDAPS);
 *                       {@code options.ca-file}: PEM file of the only CA trusted (empty: the JVM's trust store)
 * @param base           where people are searched (empty: the server's default naming context)
 * @param adminBase      people found under this base are Portus admins (searched first)
 * @param groupBase      where groups ({@code groupOfNames}, {@code groupOfUniqueNames}) are searched
 * @param filter         an extra LDAP filter people must match, e.g. {@code (memberOf=cn=portus,ou=groups,dc=example,dc=com)}
 * @param uid            the attribute holding the login name
 * @param authentication the DN and password used to search (disabled: anonymous search)
 * @param groupSync      groups named like a team put their members into it with {@code default-role}; every
 *                       {@code interval} (0 = only on sign-in)
 * @param guessEmail     where the email of a new user comes from ({@code attr}, or derived from the base's
 *                       {@code dc=} parts when {@code attr} is empty)
 */
@ConfigurationProperties("portus.ldap")
public record LdapProperties(@DefaultValue("false") boolean enabled, @DefaultValue("ldap_hostname") String hostname,
                             @DefaultValue("389") int port,
                             @DefaultValue("5") @DurationUnit(ChronoUnit.SECONDS) Duration timeout,
                             @DefaultValue Encryption encryption, @DefaultValue("") String base,
                             @DefaultValue("") String adminBase, @DefaultValue("") String groupBase,
                             @DefaultValue("") String filter, @DefaultValue("uid") String uid,
                             @DefaultValue Authentication authentication, @DefaultValue GroupSync groupSync,
                             @DefaultValue GuessEmail guessEmail) {

    /** {@code encryption.method} and {@code encryption.options.ca-file}. */
    public record Encryption(@DefaultValue("") String method, @DefaultValue Options options) {
    }

    /** {@code encryption.options}. */
    public record Options(@DefaultValue("") String caFile) {
    }

    /** The search bind. */
    public record Authentication(@DefaultValue("false") boolean enabled, @DefaultValue("") String bindDn,
                                 @DefaultValue("") String password) {

        /** Without the password. */
        @Override
        public String toString() {
            return "Authentication[enabled=" + enabled + ", bindDn=" + bindDn + "]";
        }
    }

    /** {@code group-sync}. */
    public record GroupSync(@DefaultValue("true") boolean enabled, @DefaultValue("viewer") String defaultRole,
                            @DefaultValue("30m") Duration interval) {
    }

    /** {@code guess-email}. */
    public record GuessEmail(@DefaultValue("false") boolean enabled, @DefaultValue("") String attr) {
    }
}
