package io.portus.ldap;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The Portus username of a person signing in through LDAP for the first time. Portus keeps the login as
 * typed; what Portus's rules refuse is mapped: {@code :}, spaces and control characters (they cannot be part
 * of docker's Basic credentials) become {@code _}, names longer than 255 characters are cut, and a name already
 * held by another account gets {@code _01} ... {@code _99} appended (Portus's {@code suggest_username}). Names
 * that cannot become a Portus username ({@code portus}, {@code portus_global_*}, no letter or digit) are refused.
 */
final class LdapUsernames {

    private LdapUsernames() {
    }

    static Optional<String> map(String login, Predicate<String> free) {
        StringBuilder b = new StringBuilder();
        login.trim().codePoints().forEach(c -> b.appendCodePoint(
                c == ':' || Character.isWhitespace(c) || Character.isISOControl(c) ? '_' : c));
        String name = b.length() > 255 ? b.substring(0, 255) : b.toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("portus") || lower.startsWith("portus_global_") || !lower.matches("(?s).*[a-z0-9].*")) {
            return Optional.empty();
        }
        if (free.test(name)) {
            return Optional.of(name);
        }
        String stem = name.length() > 252 ? name.substring(0, 252) : name;
        for (int n = 1; n < 100; n++) {
            String candidate = stem + "_" + String.format(Locale.ROOT, "%02d", n);
            if (free.test(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
