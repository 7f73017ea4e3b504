package io.portus.web.security;

import io.portus.account.User;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/** The signed-in user of a UI request, fresh from the database (set by the security chain). */
public final class CurrentUser {

    static final String ATTRIBUTE = CurrentUser.class.getName();

    private CurrentUser() {
    }

    public static Optional<User> of(HttpServletRequest request) {
        return Optional.ofNullable((User) request.getAttribute(ATTRIBUTE));
    }
}
