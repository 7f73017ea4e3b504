package io.portus.account;

import io.portus.auth.Principal;
import io.portus.auth.authn.CredentialsAuthenticator;
import io.portus.auth.authn.CredentialsAuthenticator.Authenticated;
import io.portus.auth.authn.CredentialsAuthenticator.Refused;
import io.portus.auth.authn.RefreshTokenStore;
import io.portus.common.ForbiddenException;
import io.portus.common.InvalidInputException;
import io.portus.common.RuleViolationException;
import io.portus.support.DatabaseTest;
import io.portus.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Users, passwords, lockout, application tokens and refresh tokens, on each database (see AccountTest). */
abstract class AccountContract extends DatabaseTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired UserService users;
    @Autowired ApplicationTokenService tokens;
    @Autowired CredentialsAuthenticator authenticator;
    @Autowired RefreshTokenStore refreshTokens;
    @Autowired JdbcClient jdbc;

    User newUser() {
        String name = unique("user");
        return users.create(NewUser.regular(name, name + "@example.com", PASSWORD));
    }

    Principal login(String username, String secret) {
        var result = authenticator.authenticate(username, secret);
        assertThat(result).as("login of %s", username).isInstanceOf(Authenticated.class);
        return ((Authenticated) result).principal();
    }

    void refused(String username, String secret) {
        assertThat(authenticator.authenticate(username, secret)).as("login of %s", username).isInstanceOf(Refused.class);
    }

    @Test
    void flywayCreatedEveryTable() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE").query(Integer.class).single())
                .isGreaterThanOrEqualTo(6);
        for (String table : new String[] {"users", "application_tokens", "teams", "team_users", "namespaces",
                "registries", "refresh_tokens"}) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()).isNotNegative();
        }
    }

    @Test
    void aBcryptHashImportedFromPortusVerifies() {
        User user = newUser();
        jdbc.sql("UPDATE users SET encrypted_password = ? WHERE id = ?")
                .params(PasswordHashingTest.PORTUS_HASH, user.id()).update();
        Principal p = login(user.username(), "correct horse battery");
        assertThat(p.userId()).isEqualTo(user.id());
        refused(user.username(), "correct horse batteries");
    }

    @Test
    void passwordsAndApplicationTokensAuthenticateOthersDoNot() {
        User user = newUser();
        Principal p = login(user.username(), PASSWORD);
        assertThat(p.username()).isEqualTo(user.username());
        assertThat(p.admin()).isFalse();
        assertThat(p.credentialsStamp()).isNotBlank();

        NewApplicationToken token = tokens.create(user, user.id(), "ci");
        assertThat(login(user.username(), token.plainToken()).userId()).isEqualTo(user.id());

        User other = newUser();
        refused(other.username(), token.plainToken());
        refused(user.username(), "wrong password");
        refused("nosuchuser" + unique(""), PASSWORD);
        refused(user.username(), "");
        refused("", PASSWORD);
        refused(user.username().toUpperCase(), PASSWORD);
    }

    @Test
    void tenFailuresLockTheAccountForTenMinutesAcrossRestarts() {
        User user = newUser();
        for (int i = 0; i < 9; i++) {
            refused(user.username(), "wrong " + i);
        }
        login(user.username(), PASSWORD);
        assertThat(failedAttempts(user)).as("a success resets the counter").isZero();

        for (int i = 0; i < 10; i++) {
            refused(user.username(), "wrong " + i);
        }
        refused(user.username(), PASSWORD);
        Instant lockedUntil = jdbc.sql("SELECT locked_until FROM users WHERE id = ?").param(user.id())
                .query(LocalDateTime.class).single().toInstant(ZoneOffset.UTC);
        assertThat(lockedUntil).isBetween(Instant.now().plus(Duration.ofMinutes(9)), Instant.now().plus(Duration.ofMinutes(11)));

        try (ConfigurableApplicationContext restarted = anotherInstance()) {
            CredentialsAuthenticator other = restarted.getBean(CredentialsAuthenticator.class);
            assertThat(other.authenticate(user.username(), PASSWORD)).isInstanceOf(Refused.class);
        }

        jdbc.sql("UPDATE users SET locked_until = ? WHERE id = ?")
                .params(LocalDateTime.ofInstant(Instant.now().minusSeconds(1), ZoneOffset.UTC), user.id()).update();
        refused(user.username(), "wrong again");
        assertThat(failedAttempts(user)).as("an expired lock starts the count again").isEqualTo(1);
        login(user.username(), PASSWORD);
        assertThat(failedAttempts(user)).isZero();
    }

    @Test
    void theSignInFormTakesPasswordsOnlyAndSaysWhenTheAccountIsLocked() {
        User user = newUser();
        String token = tokens.createFor(user, "ui").plainToken();
        assertThat(authenticator.authenticate(user.username(), token)).isInstanceOf(Authenticated.class);
        assertThat(authenticator.authenticatePassword(user.username(), token)).as("no tokens on the form")
                .isInstanceOf(Refused.class);
        assertThat(authenticator.authenticatePassword(user.username(), PASSWORD)).isInstanceOf(Authenticated.class);
        for (int i = 0; i < 9; i++) {
            assertThat(authenticator.authenticatePassword(user.username(), "wrong " + i))
                    .isEqualTo(new Refused("wrong password", false));
        }
        assertThat(authenticator.authenticatePassword(user.username(), "wrong 9"))
                .as("the tenth failure locks, and says so").isInstanceOf(Refused.class)
                .extracting(r -> ((Refused) r).locked()).isEqualTo(true);
        assertThat(authenticator.authenticatePassword(user.username(), PASSWORD))
                .extracting(r -> ((Refused) r).locked()).isEqualTo(true);
        assertThat(authenticator.authenticate(user.username(), token)).as("the token service shares the lockout")
                .isInstanceOf(Refused.class);
    }

    @Test
    void aDisabledUserIsRefusedAtOnceEvenWithACachedPasswordOrAToken() {
        User admin = users.changeAdmin(newUser(), true);
        User user = newUser();
        NewApplicationToken token = tokens.create(user, user.id(), "ci");
        login(user.username(), PASSWORD);

        users.setEnabled(admin, user.id(), false);
        refused(user.username(), PASSWORD);
        refused(user.username(), token.plainToken());

        users.setEnabled(admin, user.id(), true);
        login(user.username(), PASSWORD);
    }

    @Test
    void aPasswordChangeTakesEffectAtOnce() {
        User user = newUser();
        Principal before = login(user.username(), PASSWORD);
        login(user.username(), PASSWORD);

        users.changePassword(user.id(), "a brand new password");
        refused(user.username(), PASSWORD);
        Principal after = login(user.username(), "a brand new password");
        assertThat(after.credentialsStamp()).isNotEqualTo(before.credentialsStamp());
    }

    @Test
    void refreshTokensAreBoundToServiceAndRevokedByPasswordChangeOrDisable() {
        User admin = users.changeAdmin(newUser(), true);
        User user = newUser();
        Principal p = login(user.username(), PASSWORD);
        String token = refreshTokens.issue(p, "registry.example:5000");

        assertThat(refreshTokens.redeem(token, "registry.example:5000")).get()
                .extracting(Principal::userId).isEqualTo(user.id());
        assertThat(refreshTokens.redeem(token, "other.example:5000")).isEmpty();
        assertThat(refreshTokens.redeem(token + "x", "registry.example:5000")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = ?").param(token)
                .query(Integer.class).single()).as("stored hashed").isZero();

        users.changePassword(user.id(), "another new password");
        assertThat(refreshTokens.redeem(token, "registry.example:5000")).isEmpty();

        String second = refreshTokens.issue(login(user.username(), "another new password"), "registry.example:5000");
        users.setEnabled(admin, user.id(), false);
        assertThat(refreshTokens.redeem(second, "registry.example:5000")).isEmpty();
    }

    @Test
    void usersAreValidatedAndUnique() {
        User user = newUser();
        assertThatThrownBy(() -> users.create(NewUser.regular(user.username(), "x" + user.email(), PASSWORD)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("username has already been taken");
        assertThatThrownBy(() -> users.create(NewUser.regular(unique("u"), user.email(), PASSWORD)))
                .hasMessageContaining("email has already been taken");
        assertThatThrownBy(() -> users.create(NewUser.regular("portus", "p@example.com", PASSWORD)))
                .hasMessageContaining("username is reserved");
        assertThatThrownBy(() -> users.create(NewUser.regular(unique("u"), unique("e") + "@example.com", "short")))
                .hasMessageContaining("password is too short");
        assertThatThrownBy(() -> users.create(NewUser.regular("a:b", unique("e") + "@example.com", PASSWORD)))
                .hasMessageContaining("username cannot contain ':'");
        assertThatThrownBy(() -> users.create(NewUser.regular(unique("u"), "not-an-email", "x".repeat(129))))
                .hasMessageContaining("email is invalid").hasMessageContaining("password is too long");
    }

    @Test
    void theHiddenPortusUserLogsInWithItsPasswordAndIsNeverListed() {
        Principal portus = login(User.PORTUS, TestDatabases.PORTUS_PASSWORD);
        assertThat(portus.admin()).isTrue();
        assertThat(users.list()).extracting(User::username).doesNotContain(User.PORTUS);
        refused(User.PORTUS, "not its password");
    }

    @Test
    void atMostFiveApplicationTokensManagedByTheirOwnerOrAnAdminForBots() {
        User user = newUser();
        User stranger = newUser();
        User admin = users.changeAdmin(newUser(), true);
        for (int i = 0; i < ApplicationTokenService.MAX_PER_USER; i++) {
            tokens.create(user, user.id(), "app" + i);
        }
        assertThatThrownBy(() -> tokens.create(user, user.id(), "one too many"))
                .hasMessageContaining("cannot have more than 5 application tokens");
        assertThat(tokens.list(user, user.id())).hasSize(5);
        long id = tokens.list(user, user.id()).getFirst().id();
        assertThatThrownBy(() -> tokens.list(stranger, user.id())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> tokens.delete(stranger, id)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> tokens.delete(admin, id)).as("not a bot").isInstanceOf(ForbiddenException.class);
        tokens.delete(user, id);
        assertThat(tokens.list(user, user.id())).hasSize(4);

        String botName = unique("bot");
        User bot = users.create(new NewUser(botName, botName + "@example.com", PASSWORD, null, false, true));
        NewApplicationToken botToken = tokens.create(admin, bot.id(), "ci");
        assertThat(login(botName, botToken.plainToken()).userId()).isEqualTo(bot.id());
        tokens.delete(admin, botToken.id());
        refused(botName, botToken.plainToken());
    }

    @Test
    void portusRulesForDisablingAndAdminRights() {
        User admin = users.changeAdmin(newUser(), true);
        User user = newUser();
        assertThatThrownBy(() -> users.setEnabled(user, admin.id(), false)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.setAdmin(admin, admin.id(), false)).isInstanceOf(ForbiddenException.class);
        users.setEnabled(user, user.id(), false);
        assertThat(users.get(user.id()).enabled()).isFalse();
        assertThatThrownBy(() -> users.setEnabled(user, user.id(), true)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.delete(admin, admin.id())).isInstanceOf(RuleViolationException.class);
    }

    private int failedAttempts(User user) {
        return jdbc.sql("SELECT failed_attempts FROM users WHERE id = ?").param(user.id()).query(Integer.class).single();
    }
}
