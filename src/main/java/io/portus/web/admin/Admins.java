package io.portus.web.admin;

import io.portus.account.User;
import io.portus.common.ForbiddenException;

/** The admin pages' gate. */
final class Admins {

    private Admins() {
    }

    static User require(User user) {
        if (user == null || !user.admin()) {
            throw new ForbiddenException("Only administrators may see this page");
        }
        return user;
    }
}
