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
 * directory), MariaDB (127.0.0.1:3306, root, no password) and PostgreSQL (127.0.0.1:5432, postgres,
 * trust). Each test JVM creates its own {@code portus_test_<random>} databases and drops them on exit.
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
            p.put("portus.data-dir", dataDir.toString());
            p.put("portus.registry.auth", "none");
            p.put("portus.portus-password", TestDatabases.PORTUS_PASSWORD);
            // every test talks from 127.0.0.1: the suite's failed logins must not throttle one another through the
            // shared database (AuthThrottleContract turns it on, on instances and client addresses of its own)
            p.put("portus.security.auth-throttle.max-failures-per-minute", "0");
            return p;
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
            case MARIADB -> {
                admin("jdbc:mariadb://127.0.0.1:3306/", "root", "CREATE DATABASE " + name);
                dropOnExit("jdbc:mariadb://127.0.0.1:3306/", "root", "DROP DATABASE IF EXISTS " + name);
                yield new Db(vendor, "jdbc:mariadb://127.0.0.1:3306/" + name, "root", "", dataDir);
            }
            case POSTGRESQL -> {
                admin("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "CREATE DATABASE " + name);
                dropOnExit("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres",
                        "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                yield new Db(vendor, "jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", "", dataDir);
            }
        };
        return db;
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
                    + "; is the server running?): " + e.getMessage(), e);
        }
    }

    private static void dropOnExit(String url, String user, String sql) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                admin(url, user, sql);
            } catch (RuntimeException ignored) {
                // best effort: the server may already be gone
            }
        }));
    }
}
