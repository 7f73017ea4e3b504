package io.portus.account;

import io.portus.account.internal.ExternalIdentityStore;
import io.portus.account.internal.UserRow;
import io.portus.account.internal.UserStore;
import io.portus.common.FieldErrors;
import io.portus.common.Secrets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * Accounts of people who sign in through LDAP, OpenID Connect or an OAuth provider: found by their
 * {@link ExternalIdentity}, created on first sign-in without a local password (so the password form, the
 * password reset and a password {@code docker login} never accept them; application tokens do), with their
 * personal namespace like any other user ({@link UserCreated}).
 */
@Service
public class ExternalAccounts {

    private final ExternalIdentityStore identities;
    private final UserStore users;
    private final ApplicationEventPublisher events;
    private final PortusUser portus;
    private final boolean firstUserAdmin;

    ExternalAccounts(ExternalIdentityStore identities, UserStore users, ApplicationEventPublisher events,
                     PortusUser portus, FirstUserAdminProperties firstUserAdmin) {
        this.identities = identities;
        this.users = users;
        this.events = events;
        this.portus = portus;
        this.firstUserAdmin = firstUserAdmin.enabled();
    }

    public Optional<User> find(ExternalIdentity identity) {
        return identities.byIdentity(identity.provider(), identity.uid()).map(UserRow::user);
    }

    /** The provider a user signs in with; empty for a local account (password in this database). */
    public Optional<String> providerOf(long userId) {
        return identities.providerOf(userId);
    }

    public boolean local(long userId) {
        return providerOf(userId).isEmpty();
    }

    /**
     * Creates the account of a person signing in for the first time. The username and email must pass
     * {@link UserRules} and be free; the caller maps a provider's name to a valid free one first. The email
     * may be {@code null} when the provider has none (LDAP without {@code mail}, as Portus allows): the person
     * adds one on their profile. The account is an admin when {@code admin} (LDAP's admin base) or, with
     * {@code first_user_admin.enabled}, when it is the installation's first: decided under the sign-up form's lock,
     * so of several first sign-ins at once only one becomes admin.
     */
    @Transactional
    public User create(ExternalIdentity identity, String username, String email, String displayName, boolean admin) {
        portus.lockForFirstUser(); // before any read, which would fix MariaDB's REPEATABLE READ snapshot
        FieldErrors errors = new FieldErrors();
        UserRules.username(username, errors);
        if (email != null) {
            UserRules.email(email, errors);
        }
        UserRules.displayName(displayName, errors);
        if (username != null && username.equalsIgnoreCase(User.PORTUS)) {
            errors.add("username", "is reserved");
        }
        if (errors.isEmpty() && users.usernameTaken(username, 0)) {
            errors.add("username", "has already been taken");
        }
        if (errors.isEmpty() && email != null && users.emailTaken(email.trim(), 0)) {
            errors.add("email", "has already been taken");
        }
        errors.throwIfAny();
        boolean first = firstUserAdmin && users.countVisible() == 0;
        long id = users.insert(username, email == null ? null : email.trim(), "", UserRules.blankToNull(displayName),
                admin || first, false, Secrets.newToken(16));
        identities.link(id, identity.provider(), identity.uid());
        User user = users.byId(id).map(UserRow::user).orElseThrow();
        events.publishEvent(new UserCreated(user, user.id(), user.username()));
        return users.byId(id).map(UserRow::user).orElseThrow();
    }

    /** Links an existing account to {@code identity} (an imported account's first sign-in). */
    public void relink(long userId, ExternalIdentity identity) {
        identities.link(userId, identity.provider(), identity.uid());
    }

    /** Whether no account has {@code email}. */
    public boolean emailFree(String email) {
        return email != null && !users.emailTaken(email.trim(), 0);
    }

    /** Whether {@code username} is free (neither taken nor reserved). */
    public boolean usernameFree(String username) {
        return username != null && !username.equalsIgnoreCase(User.PORTUS) && !users.usernameTaken(username, 0);
    }
}
