package io.portus.auth.throttle.internal;

import io.portus.account.ApplicationTokenService;
import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.auth.throttle.AuthThrottleProperties;
import io.portus.support.DatabaseTest;
import io.portus.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The brute-force throttle on a real database: counted per address in {@code auth_failures}, shared by instances
 * (two throttles on one database, and two whole Portus instances), refusing good credentials of a throttled
 * address and nobody else, free again after a minute, old rows purged; and each surface's 429.
 */
abstract class AuthThrottleContract extends DatabaseTest {

    private static final String PASSWORD = "password-for-throttle";
    private static final int LIMIT = 3;

    @Autowired JdbcClient jdbc;
    @Autowired UserService users;
    @Autowired ApplicationTokenService tokens;

    @Test
    void failuresAreCountedPerAddressInTheDatabaseSharedByInstances() {
        MutableClock clock = new MutableClock(Instant.now());
        DatabaseAuthThrottle one = new DatabaseAuthThrottle(jdbc, new AuthThrottleProperties(LIMIT, 100), clock);
        DatabaseAuthThrottle two = new DatabaseAuthThrottle(jdbc, new AuthThrottleProperties(LIMIT, 100), clock);
        String attacker = FromAddress.random().address;
        String bystander = FromAddress.random().address;

        assertThat(one.failed(attacker)).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(two.failed(attacker)).as("another instance adds to the same count").isEmpty();
        assertThat(one.failed(bystander)).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(one.throttled(attacker)).isEmpty();
        assertThat(one.failed(attacker)).as("the third failure within a minute")
                .hasValue(Duration.ofSeconds(40));   // free once the first failure is a minute old
        assertThat(one.throttled(attacker)).hasValue(Duration.ofSeconds(40));
        assertThat(one.throttled(bystander)).isEmpty();
        assertThat(two.throttled(attacker)).as("memory only: the other instance has not seen it yet").isEmpty();
        assertThat(two.failed(attacker)).as("its next failure there finds the count in the database").isPresent();
        assertThat(two.throttled(attacker)).isPresent();

        clock.advance(Duration.ofSeconds(41));
        assertThat(one.throttled(attacker)).as("the oldest failure has left the window").isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(one.failed(attacker)).isEmpty();
        assertThat(two.throttled(attacker)).isEmpty();
        assertThat(rows(attacker)).as("rows older than the window are purged").isEqualTo(1);
    }

    @Test
    void zeroTurnsTheThrottleOff() {
        DatabaseAuthThrottle off = new DatabaseAuthThrottle(jdbc, new AuthThrottleProperties(0, 100), Clock.systemUTC());
        String address = FromAddress.random().address;
        for (int i = 0; i < 5; i++) {
            assertThat(off.failed(address)).isEmpty();
        }
        assertThat(rows(address)).isZero();
    }

    @Test
    void everySurfaceAnswers429AndGoodCredentialsElsewhereStillWork() {
        User user = user(false);
        User admin = user(true);
        String token = tokens.createFor(user, "throttle").plainToken();
        String adminToken = tokens.createFor(admin, "throttle").plainToken();
        String limit = "portus.security.auth-throttle.max-failures-per-minute=" + LIMIT;
        try (ConfigurableApplicationContext a = anotherInstance(limit); ConfigurableApplicationContext b = anotherInstance(limit)) {
            int pa = port(a);
            int pb = port(b);

            FromAddress attacker = FromAddress.random();
            String tokenPath = "/v2/token?service=registry.test&account=" + user.username();
            assertThat(attacker.get(pa, tokenPath, "Authorization", FromAddress.basic(user.username(), "wrong")).statusCode()).isEqualTo(401);
            assertThat(attacker.get(pa, tokenPath, "Authorization", FromAddress.basic(user.username(), "wrong")).statusCode()).isEqualTo(401);
            assertTooMany(attacker.get(pa, tokenPath, "Authorization", FromAddress.basic(user.username(), "wrong")), "TOOMANYREQUESTS");
            assertTooMany(attacker.get(pa, tokenPath, "Authorization", FromAddress.basic(user.username(), PASSWORD)), "TOOMANYREQUESTS");
            assertThat(attacker.get(pa, "/v2/token?service=registry.test").statusCode()).as("anonymous pulls are not sign-ins").isEqualTo(200);
            assertTooMany(attacker.form(pa, "/v2/token", Map.of("grant_type", "password", "service", "registry.test",
                    "client_id", "test", "username", user.username(), "password", PASSWORD)), "TOOMANYREQUESTS");
            assertThat(FromAddress.random().get(pa, tokenPath, "Authorization", FromAddress.basic(user.username(), PASSWORD))
                    .statusCode()).as("good credentials from another address").isEqualTo(200);
            // the other instance: memory knows nothing yet, the database tells it on the address' next failure
            assertThat(attacker.get(pb, tokenPath, "Authorization", FromAddress.basic(user.username(), token)).statusCode()).isEqualTo(200);
            assertTooMany(attacker.get(pb, tokenPath, "Authorization", FromAddress.basic(user.username(), "wrong")), "TOOMANYREQUESTS");
            assertTooMany(attacker.get(pb, tokenPath, "Authorization", FromAddress.basic(user.username(), token)), "TOOMANYREQUESTS");

            FromAddress api = FromAddress.random();
            for (int i = 0; i < LIMIT - 1; i++) {
                assertThat(api.get(pa, "/api/v1/teams", "Portus-Auth", user.username() + ":wrong").statusCode()).isEqualTo(401);
            }
            assertTooMany(api.get(pa, "/api/v1/teams", "Portus-Auth", user.username() + ":wrong"), "\"error\"");
            assertTooMany(api.get(pa, "/api/v1/teams", "Portus-Auth", user.username() + ":" + token), "\"error\"");
            assertThat(FromAddress.random().get(pa, "/api/v1/teams", "Portus-Auth", user.username() + ":" + token).statusCode()).isEqualTo(200);

            FromAddress browser = FromAddress.random();
            for (int i = 0; i < LIMIT - 1; i++) {
                assertThat(browser.signIn(pa, user.username(), "wrong").headers().firstValue("Location").orElse("")).endsWith("?error");
            }
            assertTooMany(browser.signIn(pa, user.username(), "wrong"), "Too many failed sign-in attempts from your address");
            assertTooMany(browser.signIn(pa, user.username(), PASSWORD), "Too many failed sign-in attempts from your address");
            HttpResponse<String> elsewhere = FromAddress.random().signIn(pa, user.username(), PASSWORD);
            assertThat(elsewhere.statusCode()).isEqualTo(302);
            assertThat(elsewhere.headers().firstValue("Location").orElse("")).doesNotContain("error");
            assertThat(browser.get(pa, "/users/sign_in/throttled").statusCode()).as("no message without a throttled sign-in")
                    .isEqualTo(302);

            FromAddress scraper = FromAddress.random();
            for (int i = 0; i < LIMIT - 1; i++) {
                assertThat(scraper.get(pa, "/actuator/prometheus", "Authorization", FromAddress.basic(admin.username(), "wrong"))
                        .statusCode()).isEqualTo(401);
            }
            assertTooMany(scraper.get(pa, "/actuator/prometheus", "Authorization", FromAddress.basic(admin.username(), "wrong")), "");
            assertThat(FromAddress.random().get(pa, "/actuator/prometheus", "Authorization",
                    FromAddress.basic(admin.username(), adminToken)).statusCode()).isEqualTo(200);
        }
    }

    private static void assertTooMany(HttpResponse<String> response, String bodyPart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(response.body()).contains(bodyPart);
    }

    private long rows(String address) {
        return jdbc.sql("SELECT COUNT(*) FROM auth_failures WHERE address = ?").param(address).query(Long.class).single();
    }

    private User user(boolean admin) {
        String name = unique("throttle");
        return users.create(new NewUser(name, name + "@example.com", PASSWORD, null, admin, false));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
