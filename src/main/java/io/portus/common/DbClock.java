package io.portus.common;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.stereotype.Component;

/**
 * The database's own clock as SQL, in the UTC {@code LocalDateTime} form {@link DbTime} stores: for
 * comparisons that several instances must agree on whatever their own clocks say (job leases). The
 * expressions differ between H2, MariaDB and PostgreSQL; all read the clock of the database server.
 */
@Component
public class DbClock {

    private final String now;
    private final String plusMicros;

    public DbClock(DataSource dataSource) {
        DatabaseDriver vendor = DbVendor.of(dataSource);
        switch (vendor) {
            case MARIADB, MYSQL -> {
                now = "UTC_TIMESTAMP(6)";
                plusMicros = "TIMESTAMPADD(MICROSECOND, ?, UTC_TIMESTAMP(6))";
            }
            case POSTGRESQL -> {
                now = "(CURRENT_TIMESTAMP AT TIME ZONE 'UTC')";
                plusMicros = "((CURRENT_TIMESTAMP AT TIME ZONE 'UTC') + CAST(? AS BIGINT) * INTERVAL '1 microsecond')";
            }
            default -> {
                now = "CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP(6))";
                plusMicros = "DATEADD(MICROSECOND, CAST(? AS BIGINT), " + now + ")";
            }
        }
    }

    /** SQL for the database's current UTC time. */
    public String now() {
        return now;
    }

    /** SQL for the database's current UTC time plus a bound parameter {@code ?} of microseconds. */
    public String plusMicros() {
        return plusMicros;
    }
}
