package io.portus.namespace;

import java.util.Locale;
import java.util.Optional;

/** Who may see and pull a namespace, with Portus's integer codes. */
public enum Visibility {
    /** Admins and team members only. */
    PRIVATE(0),
    /** Any logged-in user may pull. */
    PROTECTED(1),
    /** Anyone, anonymous included, may pull. */
    PUBLIC(2);

    private final int code;

    Visibility(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Visibility fromCode(int code) {
        for (Visibility v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        throw new IllegalArgumentException("no visibility with code " + code);
    }

    /** Accepts {@code private}, {@code protected}, {@code public} and Portus's {@code visibility_*} forms. */
    public static Optional<Visibility> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("visibility_")) {
            v = v.substring("visibility_".length());
        }
        for (Visibility vis : values()) {
            if (vis.apiName().equals(v)) {
                return Optional.of(vis);
            }
        }
        return Optional.empty();
    }
}
