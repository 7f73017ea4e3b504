package io.portus.account;

import io.portus.account.PasswordResets.Link;
import io.portus.account.internal.PasswordResetStore;
import io.portus.account.internal.PasswordResetStore.State;
import io.portus.auth.authn.CredentialsAuthenticator;
import io.portus.auth.authn.CredentialsAuthenticator.Authenticated;
import io.portus.auth.authn.CredentialsAuthenticator.Refused;
import io.portus.common.InvalidInputException;
import io.portus.common.Secrets;
import io.portus.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The password_resets table and {@link PasswordResets#reset}, on each database (see PasswordResetTest). */
abstract class PasswordResetContract extends DatabaseTest {

    static final String PASSWORD = "correct horse battery";
    static final String NEW_PASSWORD = "new staple battery";

    @Autowired PasswordResetStore store;
    @Autowired PasswordResets resets;
    @Autowired UserService users;
    @Autowired ExternalAccounts external;
    @Autowired CredentialsAuthenticator authenticator;
    @Autowired JdbcClient jdbc;

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    User newUser() {
        String name = unique("reset");
        return users.create(NewUser.regular(name, name + "@Example.com", PASSWORD));
    }

    /** A fresh token of {@code user}, valid for 6 hours from now (as the service writes it). */
    String token(User user) {
        String token = Secrets.newToken();
        store.create(user.id(), Secrets.sha256Hex(token), now(), now().plus(PasswordResets.LIFETIME), false);
        return token;
    }

    @Test
    void aTokenIsValidOnceAndOnlyItsHashIsStored() {
        User user = newUser();
        String token = Secrets.newToken();
        Instant now = now();
        store.create(user.id(), Secrets.sha256Hex(token), now, now.plus(Duration.ofHours(6)), false);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM password_resets WHERE token_hash = ?").param(token)
                .query(Long.class).single()).isZero();
        assertThat(store.state(Secrets.sha256Hex(token), now)).isEqualTo(State.VALID);
        assertThat(store.use(Secrets.sha256Hex(token), now.plusSeconds(1))).contains(user.id());
        assertThat(store.use(Secrets.sha256Hex(token), now.plusSeconds(2))).isEmpty();
        assertThat(store.state(Secrets.sha256Hex(token), now.plusSeconds(2))).isEqualTo(State.USED);
        assertThat(store.state(Secrets.sha256Hex("never issued"), now)).isEqualTo(State.UNKNOWN);
        assertThat(store.lastCreated(user.id())).contains(now);
    }

    @Test
    void aTokenExpiresAfterItsTimeAndANewOneEndsTheOldOnes() {
        User user = newUser();
        Instant now = now();
        String first = Secrets.sha256Hex(Secrets.newToken());
        store.create(user.id(), first, now, now.plus(Duration.ofHours(6)), false);

        assertThat(store.state(first, now.plus(Duration.ofHours(6)))).isEqualTo(State.EXPIRED);
        assertThat(store.use(first, now.plus(Duration.ofHours(6)))).isEmpty();

        String second = Secrets.sha256Hex(Secrets.newToken());
        store.create(user.id(), second, now.plusSeconds(60), now.plus(Duration.ofHours(7)), false);
        assertThat(store.state(first, now.plusSeconds(61))).isEqualTo(State.USED);
        assertThat(store.state(second, now.plusSeconds(61))).isEqualTo(State.VALID);

        String marker = Secrets.sha256Hex(Secrets.newToken());
        store.create(user.id(), marker, now.plusSeconds(120), now.plus(Duration.ofHours(8)), true);
        assertThat(store.state(marker, now.plusSeconds(121))).isEqualTo(State.USED);
        assertThat(store.state(second, now.plusSeconds(121))).isEqualTo(State.USED);
        assertThat(store.lastCreated(user.id())).contains(now.plusSeconds(120));
    }

    @Test
    void addressesAreFoundIgnoringCaseAndOldRowsAreDeleted() {
        User user = newUser();
        assertThat(store.userByEmail(user.email().toUpperCase())).get().extracting(r -> r.user().id()).isEqualTo(user.id());
        assertThat(store.userByEmail("nobody-" + user.email())).isEmpty();

        Instant old = now().minus(Duration.ofDays(3));
        String hash = Secrets.sha256Hex(Secrets.newToken());
        store.create(user.id(), hash, old, old.plus(Duration.ofHours(6)), false);
        assertThat(store.deleteOlderThan(now().minus(Duration.ofDays(1)))).isPositive();
        assertThat(store.state(hash, now())).isEqualTo(State.UNKNOWN);
    }

    @Test
    void resetSetsThePasswordEndsTheOldCredentialsAndUnlocks() {
        User user = newUser();
        jdbc.sql("UPDATE users SET failed_attempts = 10, locked_until = ? WHERE id = ?")
                .params(io.portus.common.DbTime.toDb(now().plus(Duration.ofMinutes(10))), user.id()).update();
        String stamp = stamp(user);
        String token = token(user);

        assertThat(resets.check(token)).isEqualTo(Link.VALID);
        assertThat(resets.reset(token, NEW_PASSWORD, NEW_PASSWORD)).isEqualTo(Link.VALID);

        assertThat(stamp(user)).isNotEqualTo(stamp);
        assertThat(authenticator.authenticate(user.username(), NEW_PASSWORD)).isInstanceOf(Authenticated.class);
        assertThat(authenticator.authenticate(user.username(), PASSWORD)).isInstanceOf(Refused.class);
        assertThat(resets.reset(token, "another password", "another password")).isEqualTo(Link.INVALID);
        assertThat(resets.check(token)).isEqualTo(Link.INVALID);
    }

    @Test
    void aBadNewPasswordKeepsTheLinkValid() {
        User user = newUser();
        String token = token(user);

        assertThatThrownBy(() -> resets.reset(token, "short", "short")).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).errors().keySet()).asInstanceOf(
                        org.assertj.core.api.InstanceOfAssertFactories.COLLECTION).containsExactly("password");
        assertThatThrownBy(() -> resets.reset(token, NEW_PASSWORD, "something else"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(resets.check(token)).isEqualTo(Link.VALID);
        assertThat(authenticator.authenticate(user.username(), PASSWORD)).isInstanceOf(Authenticated.class);
    }

    @Test
    void expiredGarbageBotAndExternalLinksSetNothing() {
        User user = newUser();
        Instant past = now().minus(Duration.ofHours(7));
        String expired = Secrets.newToken();
        store.create(user.id(), Secrets.sha256Hex(expired), past, past.plus(PasswordResets.LIFETIME), false);
        assertThat(resets.check(expired)).isEqualTo(Link.EXPIRED);
        assertThat(resets.reset(expired, NEW_PASSWORD, NEW_PASSWORD)).isEqualTo(Link.EXPIRED);
        assertThat(resets.reset("", NEW_PASSWORD, NEW_PASSWORD)).isEqualTo(Link.INVALID);
        assertThat(resets.reset("x".repeat(500), NEW_PASSWORD, NEW_PASSWORD)).isEqualTo(Link.INVALID);

        String botName = unique("bot");
        User bot = users.create(new NewUser(botName, botName + "@example.com", PASSWORD, null, false, true));
        assertThat(resets.reset(token(bot), NEW_PASSWORD, NEW_PASSWORD)).isEqualTo(Link.INVALID);

        String ldapName = unique("ldap");
        User ldap = external.create(new ExternalIdentity("ldap", "uid=" + ldapName + ",dc=example,dc=org"), ldapName,
                ldapName + "@example.com", null, false);
        assertThat(resets.reset(token(ldap), NEW_PASSWORD, NEW_PASSWORD)).isEqualTo(Link.INVALID);
        assertThat(authenticator.authenticate(ldapName, NEW_PASSWORD)).isInstanceOf(Refused.class);
        assertThat(authenticator.authenticate(user.username(), PASSWORD)).isInstanceOf(Authenticated.class);
        assertThat(authenticator.authenticate(botName, PASSWORD)).isInstanceOf(Authenticated.class);
    }

    private String stamp(User user) {
        return jdbc.sql("SELECT credentials_stamp FROM users WHERE id = ?").param(user.id()).query(String.class).single();
    }
}
