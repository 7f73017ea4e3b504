package io.portus.storage;

import java.util.regex.Pattern;

/** Tag grammar of the distribution spec: {@code [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}}. */
public final class Tag {

    private static final Pattern GRAMMAR = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");

    private Tag() {
    }

    public static boolean isValid(String tag) {
        return tag != null && GRAMMAR.matcher(tag).matches();
    }
}
