package io.portus.web.session;

/** What the sign-up form shows again after a refusal (never the password). */
public record SignUpValues(String username, String email, String displayName) {
}
