package io.portus.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;

import io.portus.common.InvalidSettingException;
import io.portus.team.Role;
import org.springframework.stereotype.Component;

import java.io.File;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The LDAP protocol side (UnboundID LDAP SDK): connections with Portus's encryption methods and timeouts,
 * the search bind, finding one person by their login (admin base first, as Portus does), the bind that checks
 * a password, and the groups of the group base. Every value put in a filter goes through UnboundID's
 * {@link Filter} factory methods, so it is escaped.
 */
@Component
class LdapDirectory {

    /** A person found by their login; {@code admin}: found under the admin base. */
    record Person(String dn, boolean admin, SearchResultEntry entry) {

        /** The entry's DN as Portus stores it ({@code users.external_uid}): normalised, lower case. */
        String normalizedDn() {
            return normalize(dn);
        }
    }

    /** The search for a login matched several entries: nobody can be chosen. */
    static final class Ambiguous extends Exception {
        Ambiguous(int count) {
            super(count + " entries match");
        }
    }

    private final LdapProperties properties;

    LdapDirectory(LdapProperties properties) {
        this.properties = properties;
        if (properties.enabled()) {
            String m = properties.encryption().method() == null ? "" : properties.encryption().method().trim();
            if (!m.isEmpty() && !m.matches("(?i)plain|start_tls|starttls|simple_tls")) {
                throw new InvalidSettingException("PORTUS_LDAP_ENCRYPTION_METHOD",
                        "'" + m + "' is not one of: empty, plain, start_tls, simple_tls");
            }
            if (Role.parse(properties.groupSync().defaultRole()).isEmpty()) {
                throw new InvalidSettingException("PORTUS_LDAP_GROUP_SYNC_DEFAULT_ROLE",
                        "'" + properties.groupSync().defaultRole() + "' is not a role (viewer, contributor or owner)");
            }
            if (properties.authentication().enabled() && properties.authentication().bindDn().isBlank()) {
                throw new InvalidSettingException("PORTUS_LDAP_AUTHENTICATION_BIND_DN",
                        "empty, but PORTUS_LDAP_AUTHENTICATION_ENABLED is true");
            }
        }
    }

    String address() {
        return properties.hostname() + ":" + properties.port();
    }

    /** A connection bound for searching: with the bind DN (authentication.enabled) or anonymous. */
    LDAPConnection searchConnection() throws LDAPException {
        LDAPConnection connection = connect();
        try {
            if (properties.authentication().enabled()) {
                connection.bind(properties.authentication().bindDn(), properties.authentication().password());
            }
            return connection;
        } catch (LDAPException e) {
            connection.close();
            throw e;
        }
    }

    LDAPConnection connect() throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, properties.timeout().toMillis()));
        options.setConnectTimeoutMillis(millis);
        options.setResponseTimeoutMillis(millis);
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        String method = method(properties.encryption().method());
        try {
            if (method.equals("simple_tls")) {
                return new LDAPConnection(ssl().createSSLSocketFactory(), options, properties.hostname(), properties.port());
            }
            LDAPConnection connection = new LDAPConnection(options, properties.hostname(), properties.port());
            if (method.equals("start_tls")) {
                try {
                    ExtendedResult result = connection.processExtendedOperation(
                            new StartTLSExtendedRequest(ssl().createSSLSocketFactory()));
                    if (result.getResultCode() != ResultCode.SUCCESS) {
                        throw new LDAPException(result.getResultCode(), "StartTLS refused: " + result.getDiagnosticMessage());
                    }
                    // UnboundID's reader verifies the new TLS socket too; this makes the check explicit here
                    if (!new HostNameSSLSocketVerifier(true).verify(properties.hostname(), connection.getSSLSession())) {
                        throw new LDAPException(ResultCode.CONNECT_ERROR, "the StartTLS certificate does not name "
                                + properties.hostname());
                    }
                } catch (LDAPException e) {
                    connection.close();
                    throw e;
                }
            }
            return connection;
        } catch (GeneralSecurityException e) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, "TLS set-up failed: " + e.getMessage(), e);
        }
    }

    /** Portus's methods; "starttls" is Portus's alias. Anything else is plain LDAP (checked at start-up). */
    static String method(String configured) {
        String m = configured == null ? "" : configured.trim().toLowerCase(Locale.ROOT);
        return switch (m) {
            case "start_tls", "starttls" -> "start_tls";
            case "simple_tls" -> "simple_tls";
            default -> "plain";
        };
    }

    private SSLUtil ssl() throws GeneralSecurityException {
        String caFile = properties.encryption().options().caFile();
        if (caFile == null || caFile.isBlank()) {
            return new SSLUtil(JVMDefaultTrustManager.getInstance());
        }
        try {
            return new SSLUtil(new PEMFileTrustManager(new File(caFile.trim())));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("cannot read the CA file " + caFile.trim(), e);
        }
    }

    /**
     * The one entry whose {@code uid} attribute is {@code login} and that matches the extra filter: under the
     * admin base first (then an admin), then under the base.
     */
    Optional<Person> findPerson(LDAPConnection connection, String login) throws LDAPException, Ambiguous {
        Filter filter = personFilter(login);
        if (!properties.adminBase().isBlank()) {
            List<SearchResultEntry> admins = search(connection, properties.adminBase(), filter, "*");
            if (admins.size() == 1) {
                return Optional.of(new Person(admins.getFirst().getDN(), true, admins.getFirst()));
            }
        }
        List<SearchResultEntry> found = search(connection, base(connection, properties.base()), filter, "*");
        if (found.size() > 1) {
            throw new Ambiguous(found.size());
        }
        return found.stream().findFirst().map(e -> new Person(e.getDN(), false, e));
    }

    Filter personFilter(String login) throws LDAPException {
        Filter byLogin = Filter.createEqualityFilter(properties.uid(), login);
        String extra = properties.filter() == null ? "" : properties.filter().trim();
        if (extra.isEmpty()) {
            return byLogin;
        }
        return Filter.createANDFilter(byLogin, Filter.create(extra.startsWith("(") ? extra : "(" + extra + ")"));
    }

    /** Checks {@code password} by binding as {@code dn}; false when the directory says the credentials are wrong. */
    boolean passwordMatches(LDAPConnection connection, String dn, String password) throws LDAPException {
        if (password == null || password.isEmpty()) {
            return false; // an empty password would be an anonymous ("unauthenticated") bind, never a check
        }
        try {
            return connection.bind(dn, password).getResultCode() == ResultCode.SUCCESS;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS || e.getResultCode() == ResultCode.INAPPROPRIATE_AUTHENTICATION
                    || e.getResultCode() == ResultCode.UNWILLING_TO_PERFORM || e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The member DNs (normalised) of the group named {@code name} under the group base ({@code member} of
     * {@code groupOfNames}, {@code uniqueMember} of {@code groupOfUniqueNames}); empty when no such group exists.
     */
    Optional<Set<String>> groupMembers(LDAPConnection connection, String name) throws LDAPException {
        Filter filter = Filter.createANDFilter(Filter.createEqualityFilter("cn", name), Filter.createORFilter(
                Filter.createEqualityFilter("objectClass", "groupOfNames"),
                Filter.createEqualityFilter("objectClass", "groupOfUniqueNames")));
        List<SearchResultEntry> groups = search(connection, base(connection, properties.groupBase()), filter,
                "member", "uniqueMember");
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        Set<String> members = new LinkedHashSet<>();
        for (SearchResultEntry group : groups) {
            for (String attribute : new String[] {"member", "uniqueMember"}) {
                String[] values = group.getAttributeValues(attribute);
                if (values != null) {
                    for (String v : values) {
                        members.add(normalize(v));
                    }
                }
            }
        }
        return Optional.of(members);
    }

    /** The names ({@code cn}) of the groups under the group base that list {@code dn}. */
    List<String> groupsOf(LDAPConnection connection, String dn) throws LDAPException {
        Filter filter = Filter.createORFilter(Filter.createEqualityFilter("member", dn),
                Filter.createEqualityFilter("uniqueMember", dn));
        List<String> names = new ArrayList<>();
        for (SearchResultEntry group : search(connection, base(connection, properties.groupBase()), filter, "cn")) {
            String[] cns = group.getAttributeValues("cn");
            if (cns != null) {
                names.addAll(List.of(cns));
            }
        }
        return names;
    }

    private static List<SearchResultEntry> search(LDAPConnection connection, String base, Filter filter,
                                                  String... attributes) throws LDAPException {
        try {
            SearchResult result = connection.search(base, SearchScope.SUB, filter, attributes);
            return result.getSearchEntries();
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return List.of(); // the base itself does not exist: nobody there
            }
            throw e;
        }
    }

    /** A configured base, or the server's first naming context when it is empty. */
    private static String base(LDAPConnection connection, String configured) throws LDAPException {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        RootDSE root = connection.getRootDSE();
        String[] contexts = root == null ? null : root.getNamingContextDNs();
        return contexts == null || contexts.length == 0 ? "" : contexts[0];
    }

    static String normalize(String dn) {
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return dn.trim().toLowerCase(Locale.ROOT);
        }
    }
}
