package io.portus.account;

import io.portus.common.BadRequestException;
import io.portus.common.NotAllowedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portus's {@code POST /api/v1/users/bootstrap}: while no user exists (the hidden {@code portus} user
 * aside) and {@code portus.first-user-admin.enabled}, creates the first admin and an application token
 * named "bootstrap" for it. Concurrent calls are serialised on the {@code portus} row, so only one wins.
 */
@Service
public class FirstAdmin {

    private final UserService users;
    private final ApplicationTokenService tokens;
    private final PortusUser portus;
    private final boolean enabled;

    FirstAdmin(UserService users, ApplicationTokenService tokens, PortusUser portus,
               FirstUserAdminProperties properties) {
        this.users = users;
        this.tokens = tokens;
        this.portus = portus;
        this.enabled = properties.enabled();
    }

    @Transactional
    public NewApplicationToken bootstrap(String username, String email, String password, String displayName) {
        if (!enabled) {
            throw new NotAllowedException("this instance has disabled this endpoint");
        }
        portus.lockForFirstUser();
        if (users.count() > 0) {
            throw new BadRequestException("you can only use this when there are no users on the system");
        }
        User admin = users.create(new NewUser(username, email, password, displayName, true, false));
        return tokens.createFor(admin, "bootstrap");
    }

    /** Whether the next sign-up becomes an admin (the "Create admin" form of the first run). */
    public boolean nextSignUpIsAdmin() {
        return enabled && users.count() == 0;
    }
}
