package io.portus.auth.policy;

import java.util.Locale;

/** Portus's {@code user_permission.push_images.policy}. */
public enum PushPolicy {
    /** Owners and contributors of the namespace's team (and admins). The default. */
    ALLOW_TEAMS,
    /** Non-admins only into their own personal namespace. */
    ALLOW_PERSONAL,
    /** Only admins. */
    ADMIN_ONLY,
    /** A value Portus does not know: nobody may push, admins included. */
    UNKNOWN;

    public static PushPolicy parse(String value) {
        return switch (value == null ? "" : value.trim().toLowerCase(Locale.ROOT)) {
            case "allow-teams" -> ALLOW_TEAMS;
            case "allow-personal" -> ALLOW_PERSONAL;
            case "admin-only" -> ADMIN_ONLY;
            default -> UNKNOWN;
        };
    }
}
