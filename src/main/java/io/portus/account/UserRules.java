package io.portus.account;

import io.portus.common.FieldErrors;

import java.util.regex.Pattern;

/** Validation of user fields (Portus/Devise rules, plus what docker's Basic credentials need). */
final class UserRules {

    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 128;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern NAMESPACE_CHAR = Pattern.compile("[a-z0-9]");

    private UserRules() {
    }

    static void username(String username, FieldErrors errors) {
        if (username == null || username.isBlank()) {
            errors.add("username", "can't be blank");
            return;
        }
        if (username.length() > 255) {
            errors.add("username", "is too long (maximum is 255 characters)");
        }
        if (username.chars().anyMatch(c -> c == ':' || Character.isWhitespace(c) || Character.isISOControl(c))) {
            errors.add("username", "cannot contain ':', spaces or control characters");
        }
        if (!NAMESPACE_CHAR.matcher(username.toLowerCase()).find()) {
            errors.add("username", "'" + username + "' cannot be transformed into a valid namespace name");
        }
        if (username.toLowerCase().startsWith("portus_global_")) {
            errors.add("username", "is reserved");
        }
    }

    static void email(String email, FieldErrors errors) {
        if (email == null || email.isBlank()) {
            errors.add("email", "can't be blank");
        } else if (email.length() > 255 || !EMAIL.matcher(email).matches()) {
            errors.add("email", "is invalid");
        }
    }

    static void password(String password, FieldErrors errors) {
        if (password == null || password.isEmpty()) {
            errors.add("password", "can't be blank");
        } else if (password.length() < MIN_PASSWORD) {
            errors.add("password", "is too short (minimum is " + MIN_PASSWORD + " characters)");
        } else if (password.length() > MAX_PASSWORD) {
            errors.add("password", "is too long (maximum is " + MAX_PASSWORD + " characters)");
        }
    }

    static void displayName(String displayName, FieldErrors errors) {
        if (displayName != null && displayName.length() > 255) {
            errors.add("display_name", "is too long (maximum is 255 characters)");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
