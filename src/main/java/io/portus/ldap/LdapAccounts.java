package io.portus.ldap;

import io.portus.account.ExternalAccounts;
import io.portus.account.ExternalIdentity;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.common.InvalidInputException;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The Portus account of a person the directory just accepted: the account linked to their entry
 * ({@code provider = 'ldap'}, {@code external_uid} = the entry's normalised DN); else the account imported from
 * Portus with the login as its {@code ldap_name} (then linked to the entry); else the account named like
 * their login (a local account is taken over by LDAP, as in Portus, and keeps no link); else a new one
 * ({@link ExternalAccounts}, username per {@link LdapUsernames}, email per {@link LdapEmails}, admin when
 * found under the admin base or when nobody else has an account yet, as Portus does). People found under the
 * admin base are made admins on every sign-in (never demoted by LDAP).
 */
@Component
class LdapAccounts {

    static final String PROVIDER = ExternalIdentity.LDAP;

    private final ExternalAccounts accounts;
    private final UserService users;
    private final LdapProperties properties;

    LdapAccounts(ExternalAccounts accounts, UserService users, LdapProperties properties) {
        this.accounts = accounts;
        this.users = users;
        this.properties = properties;
    }

    /** The account, or why the person cannot have one (a message they can act on). */
    Result signIn(LdapDirectory.Person person, String login, Optional<User> existing) {
        ExternalIdentity identity = new ExternalIdentity(PROVIDER, person.normalizedDn());
        Optional<User> user = accounts.find(identity).or(() -> imported(login, identity)).or(() -> existing)
                .or(() -> sameName(login));
        if (user.isEmpty()) {
            Optional<String> username = LdapUsernames.map(login, accounts::usernameFree);
            if (username.isEmpty()) {
                return new Result(null, "'" + login + "' cannot be a Portus username; ask your administrator");
            }
            String email = LdapEmails.of(person.entry(), login, properties.guessEmail())
                    .filter(accounts::emailFree).orElse(null);
            try {
                user = Optional.of(accounts.create(identity, username.get(), email, null,
                        person.admin()));
            } catch (InvalidInputException e) {
                return new Result(null, "the account cannot be created: " + e.getMessage());
            }
        }
        User u = user.get();
        if (u.bot() || u.portus()) {
            return new Result(null, "bots and the portus user never sign in through LDAP");
        }
        if (person.admin() && !u.admin()) {
            u = users.changeAdmin(u, true);
        }
        return new Result(u, null);
    }

    /** An account imported from Portus with this login as its {@code ldap_name}: linked to the entry from now on. */
    private Optional<User> imported(String login, ExternalIdentity identity) {
        Optional<User> user = accounts.find(new ExternalIdentity(PROVIDER, ExternalIdentity.importedLdapName(login)));
        user.ifPresent(u -> accounts.relink(u.id(), identity));
        return user;
    }

    /** The local or LDAP account named like the login as the directory matched it (e.g. without spaces around it). */
    private Optional<User> sameName(String login) {
        return users.findByUsername(login.trim()).filter(u -> !u.bot() && !u.portus()
                && accounts.providerOf(u.id()).map(PROVIDER::equals).orElse(true));
    }

    record Result(User user, String refusal) {
    }
}
