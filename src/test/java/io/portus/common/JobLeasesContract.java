package io.portus.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;

import io.portus.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Job leases on each database: one holder at a time, expiry written and judged by the database's clock. */
abstract class JobLeasesContract extends DatabaseTest {

    @Autowired JdbcClient jdbc;
    @Autowired DbClock clock;

    @Test
    void aLeaseIsHeldByOneInstanceAtATime() {
        String name = unique("lease");
        JobLeases one = new JobLeases(jdbc, clock);
        JobLeases two = new JobLeases(jdbc, clock);
        assertThat(one.acquire(name, Duration.ofMinutes(1))).isTrue();
        assertThat(two.acquire(name, Duration.ofMinutes(1))).isFalse();
        assertThat(one.acquire(name, Duration.ofMinutes(1))).isTrue();
        one.release(name);
        assertThat(two.acquire(name, Duration.ofMinutes(1))).isTrue();
        assertThat(one.acquire(name, Duration.ofMinutes(1))).isFalse();
        assertThat(two.acquire(name, Duration.ofMillis(-1))).isTrue();
        assertThat(one.acquire(name, Duration.ofMinutes(1))).isTrue();
    }

    @Test
    void theExpiryIsTheDatabaseClockPlusTheTimeToLive() {
        String name = unique("lease");
        LocalDateTime before = dbNow();
        assertThat(new JobLeases(jdbc, clock).acquire(name, Duration.ofHours(3))).isTrue();
        LocalDateTime after = dbNow();
        LocalDateTime expires = jdbc.sql("SELECT expires_at FROM job_leases WHERE name = ?").param(name)
                .query(LocalDateTime.class).single();
        assertThat(expires).isBetween(before.plusHours(3), after.plusHours(3));
    }

    @Test
    void aLeaseExpiredByTheDatabaseClockIsTakenOverWhateverTheHolderWrote() {
        String name = unique("lease");
        // a holder whose clock ran an hour ahead would have written an expiry an hour too late; one whose
        // clock ran behind, an expiry already past: only the database's clock decides
        jdbc.sql("INSERT INTO job_leases (name, holder, expires_at) VALUES (?, 'elsewhere', " + clock.plusMicros() + ")")
                .params(name, -1_000_000L).update();
        assertThat(new JobLeases(jdbc, clock).acquire(name, Duration.ofMinutes(1))).isTrue();
        String held = unique("lease");
        jdbc.sql("INSERT INTO job_leases (name, holder, expires_at) VALUES (?, 'elsewhere', " + clock.plusMicros() + ")")
                .params(held, 60_000_000L).update();
        assertThat(new JobLeases(jdbc, clock).acquire(held, Duration.ofMinutes(1))).isFalse();
    }

    private LocalDateTime dbNow() {
        return jdbc.sql("SELECT " + clock.now()).query(LocalDateTime.class).single();
    }
}
