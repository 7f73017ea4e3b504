package io.portus.account;

import io.portus.common.NotAllowedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sign-up form's rules (Portus's {@code registrations_controller}): open when {@code signup.enabled},
 * and always while nobody has an account yet (the first run); the first user becomes admin when
 * {@code first_user_admin.enabled}. Concurrent first sign-ups are serialised, so only one becomes admin.
 */
@Service
public class SignUp {

    private final UserService users;
    private final PortusUser portus;
    private final boolean signupEnabled;
    private final boolean firstUserAdmin;

    SignUp(UserService users, PortusUser portus, SignupProperties signup, FirstUserAdminProperties firstUserAdmin) {
        this.users = users;
        this.portus = portus;
        this.signupEnabled = signup.enabled();
        this.firstUserAdmin = firstUserAdmin.enabled();
    }

    /** Nobody has an account yet (the hidden {@code portus} user aside). */
    public boolean firstRun() {
        return users.count() == 0;
    }

    /** Whether the sign-up form is offered now. */
    public boolean open() {
        return signupEnabled || firstRun();
    }

    /** Whether the next account created through the form becomes an admin ("Create admin"). */
    public boolean nextIsAdmin() {
        return firstUserAdmin && firstRun();
    }

    @Transactional
    public User signUp(String username, String email, String password, String displayName) {
        portus.lockForFirstUser();
        boolean first = users.count() == 0;
        if (!signupEnabled && !first) {
            throw new NotAllowedException("Sign up is disabled on this Portus; ask an administrator for an account");
        }
        return users.create(new NewUser(username, email, password, displayName, first && firstUserAdmin, false));
    }
}
