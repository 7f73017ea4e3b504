package io.portus.team;

import java.util.Locale;
import java.util.Optional;

/** A member's role in a team, with Portus's integer codes. */
public enum Role {
    VIEWER(0), CONTRIBUTOR(1), OWNER(2);

    private final int code;

    Role(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The name used by the API ({@code viewer}, {@code contributor}, {@code owner}). */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromCode(int code) {
        for (Role r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        throw new IllegalArgumentException("no team role with code " + code);
    }

    public static Optional<Role> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Role r : values()) {
            if (r.apiName().equalsIgnoreCase(name.trim())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
