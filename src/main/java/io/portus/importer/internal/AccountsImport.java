package io.portus.importer.internal;

import java.time.Instant;

import io.portus.account.ExternalIdentity;
import io.portus.account.Logins;
import io.portus.account.PortusTokenHashes;
import io.portus.account.User;
import io.portus.common.Secrets;

/**
 * Users and their application tokens. A user already here under the same username is kept as it is and
 * mapped; Portus's hidden {@code portus} user is mapped onto ours (created, without a password, if the server
 * never ran). Passwords keep their Devise bcrypt hash; tokens keep Portus's bcrypt hash, which the account
 * module accepts ({@link PortusTokenHashes}). Devise's lockout carries over (failed attempts; a lock younger than
 * {@link Logins#LOCK_TIME} stays until it would have ended). A user Portus knew by {@code ldap_name} is an LDAP
 * account found by that name on its first LDAP sign-in ({@link ExternalIdentity#importedLdapName}).
 */
final class AccountsImport {

    private final Run run;

    AccountsImport(Run run) {
        this.run = run;
    }

    void importAll() {
        users();
        tokens();
    }

    private void users() {
        Tally tally = new Tally("users");
        run.source.each("users", u -> {
            String username = u.str("username");
            if (username == null || username.isBlank() || username.length() > 255) {
                tally.refused(u.id(), username, "no usable username");
                return;
            }
            var existing = run.find("SELECT id FROM users WHERE username = ?", username);
            if (run.alreadyHere(tally, "users", u.id(), existing)) {
                return;
            }
            if (User.PORTUS.equals(username)) {
                run.map("users", u.id(), run.insert("INSERT INTO users (username, email, encrypted_password, admin, enabled, "
                                + "bot, failed_attempts, credentials_stamp, created_at, updated_at) "
                                + "VALUES (?, ?, '', TRUE, TRUE, FALSE, 0, ?, ?, ?)", User.PORTUS, "portus@portus.com",
                        Secrets.newToken(16), Run.db(run.now), Run.db(run.now)));
                tally.skipped();
                return;
            }
            String hash = u.str("encrypted_password") == null ? "" : u.str("encrypted_password");
            if (!hash.isEmpty() && !PortusTokenHashes.isPortusHash(hash) /* Devise's hash has the same bcrypt form */) {
                tally.refused(u.id(), username, "the password hash is not bcrypt (Devise with another encryptor?)");
                return;
            }
            String email = u.str("email") == null || u.str("email").isBlank() ? null : u.str("email").trim();
            if (email != null) {
                var owner = run.text("SELECT username FROM users WHERE email = ?", email);
                if (owner.isPresent()) {
                    tally.refused(u.id(), username, "the email " + email + " belongs to the user " + owner.get() + " here");
                    return;
                }
            }
            String provider = u.str("provider");
            String uid = u.str("uid");
            boolean external = provider != null && !provider.isBlank() && uid != null && !uid.isBlank();
            String ldapName = external ? null : blankToNull(u.str("ldap_name"));
            if (ldapName != null) { // found by that name on the first LDAP sign-in, then linked to the entry
                provider = ExternalIdentity.LDAP;
                uid = ExternalIdentity.importedLdapName(ldapName);
                external = true;
            }
            Integer failed = u.integer("failed_attempts");
            Instant lockedAt = u.time("locked_at");
            Instant lockedUntil = lockedAt == null ? null : lockedAt.plus(Logins.LOCK_TIME);
            long id = run.insert("INSERT INTO users (username, email, encrypted_password, display_name, admin, enabled, "
                            + "bot, failed_attempts, locked_until, credentials_stamp, provider, external_uid, created_at, "
                            + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    username, email, hash, blankToNull(u.str("display_name")), u.bool("admin", false),
                    u.bool("enabled", true), u.bool("bot", false), failed == null ? 0 : Math.max(0, failed),
                    lockedUntil != null && lockedUntil.isAfter(run.now) ? Run.db(lockedUntil) : null,
                    Secrets.newToken(16), external ? Run.cut(provider, 32) : null, external ? uid : null,
                    Run.db(u.time("created_at", run.now)), Run.db(u.time("updated_at", run.now)));
            run.map("users", u.id(), id);
            tally.imported();
        });
        run.done(tally);
    }

    private void tokens() {
        Tally tally = new Tally("application_tokens");
        run.source.each("application_tokens", t -> {
            String app = t.str("application");
            Long user = run.mapped("users", t.id("user_id"));
            if (user == null) {
                tally.refused(t.id(), app, "its user was not imported");
                return;
            }
            if (app == null || app.isBlank() || app.length() > 255) {
                tally.refused(t.id(), app, "no usable application name");
                return;
            }
            if (run.find("SELECT id FROM application_tokens WHERE user_id = ? AND application = ?", user, app).isPresent()) {
                tally.skipped();
                return;
            }
            if (!PortusTokenHashes.importable(t.str("token_hash"), t.str("token_salt"))) {
                tally.refused(t.id(), app, "the token hash is not Portus's bcrypt form (hash made with token_salt)");
                return;
            }
            run.map("application_tokens", t.id(), run.insert("INSERT INTO application_tokens (user_id, application, "
                    + "token_hash, created_at) VALUES (?, ?, ?, ?)", user, app, t.str("token_hash"), Run.db(run.now)));
            tally.imported();
        });
        run.done(tally);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
