package io.portus.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The three databases every DB-touching test runs on: embedded H2 (a file database in a temporary
 * directory), MariaDB (root, no password) and PostgreSQL (postgres, trust). The servers are at
 * {@code host:port} given by the system properties {@code portus.test.mariadb} and
 * {@code portus.test.postgresql} (else the environment variables {@code PORTUS_TEST_MARIADB} and
 * {@code PORTUS_TEST_POSTGRESQL}; default 127.0.0.1:3306 and 127.0.0.1:5432); {@code ./portus test} sets
 * them, starting private servers when none answers. Each test JVM creates its own
 * {@code portus_test_<random>} databases and drops them on exit.
 */
public final class TestDatabases {

    /** A vendor. */
    public enum Vendor { H2, MARIADB, POSTGRESQL }

    /** Connection settings of one test database. */
    public record Db(Vendor vendor, String url, String username, String password, Path dataDir) {

        /** The properties a Portus instance needs to use it (plus the test defaults). */
        public Map<String, String> properties() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("spring.datasource.url", url);
            p.put("spring.datasource.username", username);
            p.put("spring.datasource.password", password);
            // at JVM exit the drop hook below races the contexts' own shutdown: a lease release then waits for a
            // connection to a database that is gone; 10 s (not Hikari's 30 s) keeps that under surefire's
            // "kill self fork JVM" limit
            p.put("spring.datasource.hikari.connection-timeout", "10000");
            p.put("portus.data-dir", dataDir.toString());
            p.put("portus.registry.auth", "none");
            p.put("portus.portus-password", TestDatabases.PORTUS_PASSWORD);
            // every test talks from 127.0.0.1: the suite's failed logins must not throttle one another through the
            // shared database (AuthThrottleContract turns it on, on instances and client addresses of its own)
            p.put("portus.security.auth-throttle.max-failures-per-minute", "0");
            return p;
        }
    }

    /** Where a database server listens. */
    public record Server(String host, int port) {

        /** {@code host:port}, e.g. for a JDBC URL. */
        public String hostPort() {
            return host + ":" + port;
        }
    }

    public static final String PORTUS_PASSWORD = "portus-service-password";

    private static final Map<Vendor, Db> SHARED = new EnumMap<>(Vendor.class);

    private TestDatabases() {
    }

    /** The database shared by the Spring contexts of one vendor in this JVM. */
    public static synchronized Db shared(Vendor vendor) {
        return SHARED.computeIfAbsent(vendor, TestDatabases::fresh);
    }

    /** A new, empty database (dropped when the JVM exits). */
    public static Db fresh(Vendor vendor) {
        String name = "portus_test_" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
        Path dataDir = tempDir(name);
        Db db = switch (vendor) {
            case H2 -> new Db(vendor, "jdbc:h2:file:" + dataDir.resolve("db").resolve("portus")
                    + ";AUTO_SERVER=FALSE;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", dataDir);
            case MARIADB, POSTGRESQL -> {
                admin(vendor, "CREATE DATABASE " + name);
                dropOnExit(vendor, "DROP DATABASE IF EXISTS " + name + (vendor == Vendor.POSTGRESQL ? " WITH (FORCE)" : ""));
                yield new Db(vendor, url(vendor, name), user(vendor), "", dataDir);
            }
        };
        return db;
    }

    /** The server of a vendor (MariaDB or PostgreSQL) the tests use. */
    public static Server server(Vendor vendor) {
        String[] v = switch (vendor) {
            case MARIADB -> new String[] {"portus.test.mariadb", "PORTUS_TEST_MARIADB", "127.0.0.1:3306"};
            case POSTGRESQL -> new String[] {"portus.test.postgresql", "PORTUS_TEST_POSTGRESQL", "127.0.0.1:5432"};
            case H2 -> throw new IllegalArgumentException("H2 is embedded");
        };
        String hostPort = System.getProperty(v[0], "");
        if (hostPort.isBlank()) {
            hostPort = System.getenv().getOrDefault(v[1], "");
        }
        hostPort = hostPort.isBlank() ? v[2] : hostPort.strip();
        int colon = hostPort.lastIndexOf(':');
        try {
            return new Server(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(v[0] + " / " + v[1] + " must be host:port, not " + hostPort, e);
        }
    }

    /** The JDBC URL of {@code database} on the vendor's server (MariaDB or PostgreSQL). */
    public static String url(Vendor vendor, String database) {
        return "jdbc:" + (vendor == Vendor.MARIADB ? "mariadb" : "postgresql") + "://" + server(vendor).hostPort()
                + "/" + database;
    }

    /** The administrator the tests connect as: root (MariaDB) or postgres (PostgreSQL), no password. */
    public static String user(Vendor vendor) {
        return vendor == Vendor.MARIADB ? "root" : "postgres";
    }

    /** Runs one statement as the administrator (e.g. CREATE DATABASE) on the vendor's server. */
    public static void admin(Vendor vendor, String sql) {
        admin(url(vendor, vendor == Vendor.MARIADB ? "" : "postgres"), user(vendor), sql);
    }

    private static Path tempDir(String name) {
        try {
            Path dir = Files.createTempDirectory(name);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void admin(String url, String user, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the test database (" + url + " as " + user
                    + "; is the server running? ./portus test starts one when none answers): " + e.getMessage(), e);
        }
    }

    private static void dropOnExit(Vendor vendor, String sql) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                admin(vendor, sql);
            } catch (RuntimeException ignored) {
                // best effort: the server may already be gone
            }
        }));
    }
}
