package io.portus.namespace;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Namespace names: Portus's rule ({@code [a-z0-9]+(?:[._-][a-z0-9]+)*}, at most 255 characters), which
 * also makes every namespace a valid first path component of a distribution repository name; and
 * Portus's {@code make_valid} normalisation of user names into personal namespace names.
 */
public final class NamespaceNames {

    public static final int MAX_LENGTH = 255;
    static final String RESERVED_PREFIX = "portus_global_";
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*");

    private NamespaceNames() {
    }

    public static boolean valid(String name) {
        return name != null && name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
    }

    /** Why {@code name} cannot be a namespace created by a user, or empty when it can. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("can't be blank");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("is too long (maximum is " + MAX_LENGTH + " characters)");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of("can only contain lower case alphanumeric characters, with optional "
                    + "'.', '_' or '-' between them");
        }
        if (name.startsWith(RESERVED_PREFIX)) {
            return Optional.of("is reserved");
        }
        return Optional.empty();
    }

    public static String globalNamespace(long registryId) {
        return RESERVED_PREFIX + "namespace_" + registryId;
    }

    public static String globalTeam(long registryId) {
        return RESERVED_PREFIX + "team_" + registryId;
    }

    /**
     * Portus's {@code Namespace.make_valid}: lower-case, trim to the first and last alphanumeric,
     * other characters become {@code _}, runs of separators collapse to {@code _}; then a number is
     * appended while {@code taken} says the name is used. Empty when nothing valid remains.
     */
    public static Optional<String> makeValid(String name, Predicate<String> taken) {
        String s = name.toLowerCase(Locale.ROOT);
        int first = indexOfAlnum(s, true);
        if (first < 0) {
            return Optional.empty();
        }
        int last = indexOfAlnum(s, false);
        s = s.substring(first, last + 1).replaceAll("[^a-z0-9._-]", "_").replaceAll("[._-]{2,}", "_");
        if (s.length() > MAX_LENGTH - 4) {
            s = s.substring(0, MAX_LENGTH - 4).replaceAll("[._-]+$", "");
        }
        if (!NAME.matcher(s).matches() || s.startsWith(RESERVED_PREFIX)) {
            return Optional.empty();
        }
        String candidate = s;
        for (int i = 0; taken.test(candidate); i++) {
            if (i > 1000) {
                return Optional.empty();
            }
            candidate = s + i;
        }
        return Optional.of(candidate);
    }

    private static int indexOfAlnum(String s, boolean fromStart) {
        for (int k = 0; k < s.length(); k++) {
            int i = fromStart ? k : s.length() - 1 - k;
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                return i;
            }
        }
        return -1;
    }
}
