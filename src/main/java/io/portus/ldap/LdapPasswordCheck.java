package io.portus.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import io.portus.account.User;
import io.portus.auth.authn.ExternalPasswords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * LDAP's answer to {@link ExternalPasswords}: search (with the bind DN or anonymously) for the one entry
 * whose {@code uid} is the login and that matches the filter, bind as it with the password, then find or
 * create the Portus account ({@link LdapAccounts}) and sync its team memberships ({@link LdapGroupSync}; a
 * failing sync does not stop the sign-in). An empty password is refused without asking the directory. A
 * directory that cannot be reached gives {@link Unavailable} and a WARN line naming the server and the
 * LDAP result code, never a password.
 */
@Component
class LdapPasswordCheck implements ExternalPasswords {

    private static final Logger log = LoggerFactory.getLogger(LdapPasswordCheck.class);

    private final LdapProperties properties;
    private final LdapDirectory directory;
    private final LdapAccounts accounts;
    private final LdapGroupSync groups;

    LdapPasswordCheck(LdapProperties properties, LdapDirectory directory, LdapAccounts accounts, LdapGroupSync groups) {
        this.properties = properties;
        this.directory = directory;
        this.accounts = accounts;
        this.groups = groups;
    }

    @Override
    public boolean enabled() {
        return properties.enabled();
    }

    @Override
    public boolean owns(String provider) {
        return LdapAccounts.PROVIDER.equals(provider);
    }

    @Override
    public Outcome check(String login, String password, Optional<User> existing) {
        if (login == null || login.isBlank() || password == null || password.isEmpty()) {
            return new Rejected("empty login or password");
        }
        LdapDirectory.Person person;
        try (LDAPConnection connection = directory.searchConnection()) {
            Optional<LdapDirectory.Person> found = directory.findPerson(connection, login);
            if (found.isEmpty()) {
                return new Unknown();
            }
            person = found.get();
            if (!directory.passwordMatches(connection, person.dn(), password)) {
                return new Rejected("wrong password");
            }
        } catch (LdapDirectory.Ambiguous e) {
            log.warn("LDAP sign-in of '{}' refused: {} (make portus.ldap.uid/filter select one entry)", login, e.getMessage());
            return new Rejected(e.getMessage());
        } catch (LDAPException e) {
            log.warn("LDAP sign-in of '{}' failed: the directory at {} could not be asked ({}: {})", login,
                    directory.address(), e.getResultCode(), e.getMessage());
            return new Unavailable("LDAP directory unavailable (" + e.getResultCode().getName() + ")");
        }
        LdapAccounts.Result result = accounts.signIn(person, login, existing);
        if (result.user() == null) {
            log.warn("LDAP sign-in of '{}' refused: {}", login, result.refusal());
            return new Rejected(result.refusal());
        }
        syncGroups(result.user(), person.dn());
        return new Accepted(result.user());
    }

    private void syncGroups(User user, String dn) {
        if (!groups.active()) {
            return;
        }
        try (LDAPConnection connection = directory.searchConnection()) {
            groups.onSignIn(connection, directory, user, dn);
        } catch (LDAPException | RuntimeException e) {
            log.warn("LDAP group sync of {} on sign-in failed: {}", user.username(), e.getMessage());
        }
    }
}
