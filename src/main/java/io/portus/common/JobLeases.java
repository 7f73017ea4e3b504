package io.portus.common;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Named leases in the {@code job_leases} table: a background job (event processing, sync, a delivery
 * queue) runs on the one instance holding its lease when several instances share the database. A lease
 * is taken when it is free or expired and renewed by its holder; a crashed holder's lease simply expires.
 * Works the same on H2, MariaDB and PostgreSQL (a conditional UPDATE of one row).
 */
@Component
public class JobLeases {

    private final JdbcClient jdbc;
    private final String holder = UUID.randomUUID().toString();

    public JobLeases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** This instance's id as lease holder. */
    public String holder() {
        return holder;
    }

    /** Takes or renews {@code name} for {@code ttl}; false when another live instance holds it. */
    public boolean acquire(String name, Duration ttl) {
        Instant now = DbTime.now();
        Instant until = now.plus(ttl);
        int updated = jdbc.sql("UPDATE job_leases SET holder = ?, expires_at = ? WHERE name = ? AND (holder = ? OR expires_at < ?)")
                .params(holder, DbTime.toDb(until), name, holder, DbTime.toDb(now)).update();
        if (updated == 1) {
            return true;
        }
        try {
            return jdbc.sql("INSERT INTO job_leases (name, holder, expires_at) VALUES (?, ?, ?)")
                    .params(name, holder, DbTime.toDb(until)).update() == 1;
        } catch (DataIntegrityViolationException taken) {
            return false;
        }
    }

    /** Gives the lease up (so another instance can take it at once). */
    public void release(String name) {
        jdbc.sql("DELETE FROM job_leases WHERE name = ? AND holder = ?").params(name, holder).update();
    }
}
