package io.portus.account;

import io.portus.account.internal.PasswordHashing;
import io.portus.account.internal.UserRow;
import io.portus.account.internal.UserStore;
import io.portus.common.PortusProperties;
import io.portus.common.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hidden {@code portus} service user (admin, never listed): created or brought up to date at
 * start-up with the password of {@code portus.portus-password} ({@code PORTUS_PORTUS_PASSWORD}). Without
 * a password it exists but cannot log in. Its row also serves as the lock that serialises "first user"
 * decisions ({@link #lockForFirstUser()}).
 */
@Component
public class PortusUser implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PortusUser.class);

    private final UserStore store;
    private final PasswordHashing hashing;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final String password;
    private volatile Long portusId;

    PortusUser(UserStore store, PasswordHashing hashing, JdbcClient jdbc, TransactionTemplate tx,
               PortusProperties properties) {
        this.store = store;
        this.hashing = hashing;
        this.jdbc = jdbc;
        this.tx = tx;
        this.password = properties.portusPassword() == null ? "" : properties.portusPassword();
    }

    @Override
    public void afterSingletonsInstantiated() {
        tx.executeWithoutResult(s -> ensure());
    }

    void ensure() {
        UserRow row = store.byUsername(User.PORTUS).orElse(null);
        if (row == null) {
            String hash = password.isEmpty() ? "" : hashing.hash(password);
            portusId = store.insert(User.PORTUS, "portus@portus.com", hash, null, true, false, Secrets.newToken(16));
            log.info("Created the hidden 'portus' user{}", password.isEmpty() ? " (no password set: it cannot log in)" : "");
            return;
        }
        portusId = row.user().id();
        boolean current = password.isEmpty() ? row.encryptedPassword().isEmpty()
                : hashing.matches(password, row.encryptedPassword());
        if (!current) {
            store.updatePassword(row.user().id(), password.isEmpty() ? "" : hashing.hash(password), Secrets.newToken(16));
            log.info("Updated the password of the hidden 'portus' user");
        }
        if (!row.user().admin() || !row.user().enabled()) {
            store.updateAdmin(row.user().id(), true);
            store.updateEnabled(row.user().id(), true, Secrets.newToken(16));
        }
    }

    /**
     * Locks the {@code portus} row until the current transaction ends (serialises first-user creation). By its
     * primary key: on a nearly empty table InnoDB may scan for a {@code username = ?} lock and take next-key locks
     * on every row and gap, and then two first sign-ins deadlock on their inserts (seen with MariaDB).
     */
    public void lockForFirstUser() {
        Long id = portusId;
        if (id == null) {
            jdbc.sql("SELECT id FROM users WHERE username = ? FOR UPDATE").param(User.PORTUS).query(Long.class).optional();
        } else {
            // a locking read only: a plain read first would fix MariaDB's REPEATABLE READ snapshot before the lock
            jdbc.sql("SELECT id FROM users WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
        }
    }
}
