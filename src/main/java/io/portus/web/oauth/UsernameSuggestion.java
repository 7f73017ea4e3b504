package io.portus.web.oauth;

import java.util.Locale;

/**
 * A Portus user name from what the provider said, as Portus's {@code suggest_username} does: the provider's user
 * name, else the part of the email before the {@code @}; characters Portus refuses in a user name (':', spaces,
 * control characters) are dropped and the {@code portus_global_} prefix is cut. What is left may still be taken
 * or invalid: then the {@code /users/oauth} page asks for another name.
 */
final class UsernameSuggestion {

    private static final String RESERVED_PREFIX = "portus_global_";

    private UsernameSuggestion() {
    }

    static String of(ProviderIdentity identity) {
        String name = clean(identity.name());
        if (name.isEmpty() && identity.email() != null) {
            int at = identity.email().indexOf('@');
            name = clean(at > 0 ? identity.email().substring(0, at) : identity.email());
        }
        return name;
    }

    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        raw.codePoints().filter(c -> c != ':' && !Character.isWhitespace(c) && !Character.isISOControl(c))
                .forEach(out::appendCodePoint);
        String name = out.toString();
        while (name.toLowerCase(Locale.ROOT).startsWith(RESERVED_PREFIX)) {
            name = name.substring(RESERVED_PREFIX.length());
        }
        return name.length() > 255 ? name.substring(0, 255) : name;
    }
}
