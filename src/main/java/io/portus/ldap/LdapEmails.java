package io.portus.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchResultEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The email of a new LDAP user: with {@code guess-email.enabled} and an {@code attr}, that attribute; otherwise
 * the entry's {@code mail}; otherwise, with {@code guess-email.enabled} and no {@code attr}, Portus's guess from
 * the entry's DN: the login at the {@code dc=} parts ({@code uid=jo,ou=people,dc=example,dc=com} gives
 * {@code jo@example.com}). Nothing found: no email (Portus allows it; the person adds one on their profile).
 */
final class LdapEmails {

    private LdapEmails() {
    }

    static Optional<String> of(SearchResultEntry entry, String login, LdapProperties.GuessEmail guess) {
        String attr = guess.attr() == null ? "" : guess.attr().trim();
        if (guess.enabled() && !attr.isEmpty()) {
            return value(entry, attr);
        }
        Optional<String> mail = value(entry, "mail");
        if (mail.isPresent() || !guess.enabled()) {
            return mail;
        }
        return fromDn(entry.getDN(), login);
    }

    static Optional<String> fromDn(String dn, String login) {
        List<String> dc = new ArrayList<>();
        try {
            for (RDN rdn : new DN(dn).getRDNs()) {
                for (int i = 0; i < rdn.getAttributeNames().length; i++) {
                    if (rdn.getAttributeNames()[i].equalsIgnoreCase("dc")) {
                        dc.add(rdn.getAttributeValues()[i]);
                    }
                }
            }
        } catch (LDAPException e) {
            return Optional.empty();
        }
        return dc.isEmpty() ? Optional.empty() : Optional.of(login + "@" + String.join(".", dc));
    }

    private static Optional<String> value(SearchResultEntry entry, String attribute) {
        String v = entry.getAttributeValue(attribute);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }
}
