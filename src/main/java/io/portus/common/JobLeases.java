package io.portus.common;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Named leases in the {@code job_leases} table: a background job (event processing, sync, a delivery
 * queue) runs on the one instance holding its lease when several instances share the database. A lease
 * is taken when it is free or expired and renewed by its holder; a crashed holder's lease simply expires.
 * Works the same on H2, MariaDB and PostgreSQL (a conditional UPDATE of one row). Expiry is computed and
 * compared with the database's clock ({@link DbClock}) in the statements themselves, never an instance's,
 * so instances whose clocks disagree still cannot both hold a lease.
 */
@Component
public class JobLeases {

    private final JdbcClient jdbc;
    private final DbClock clock;
    private final String holder = UUID.randomUUID().toString();

    public JobLeases(JdbcClient jdbc, DbClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** This instance's id as lease holder. */
    public String holder() {
        return holder;
    }

    /** Takes or renews {@code name} for {@code ttl}; false when another live instance holds it. */
    public boolean acquire(String name, Duration ttl) {
        long micros = ttl.truncatedTo(ChronoUnit.MICROS).toNanos() / 1000;
        int updated = jdbc.sql("UPDATE job_leases SET holder = ?, expires_at = " + clock.plusMicros()
                        + " WHERE name = ? AND (holder = ? OR expires_at < " + clock.now() + ")")
                .params(holder, micros, name, holder).update();
        if (updated == 1) {
            return true;
        }
        if (jdbc.sql("SELECT COUNT(*) FROM job_leases WHERE name = ?").param(name).query(Long.class).single() > 0) {
            return false;
        }
        try {
            return jdbc.sql("INSERT INTO job_leases (name, holder, expires_at) VALUES (?, ?, " + clock.plusMicros() + ")")
                    .params(name, holder, micros).update() == 1;
        } catch (DataIntegrityViolationException taken) {
            return false;
        }
    }

    /** Gives the lease up (so another instance can take it at once). */
    public void release(String name) {
        jdbc.sql("DELETE FROM job_leases WHERE name = ? AND holder = ?").params(name, holder).update();
    }
}
