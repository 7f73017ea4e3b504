package io.portus.config;

import io.portus.common.InvalidSettingException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Which database to use, from the classic deployment's variables (a pure function of the environment):
 * <ol>
 *   <li>{@code spring.datasource.url} set: used as it is (nothing computed here);</li>
 *   <li>{@code MARIADB_HOST} (+ {@code MARIADB_PORT} 3306, {@code MARIADB_USER} root,
 *       {@code MARIADB_PASSWORD}, {@code MARIADB_DATABASE} portus): MariaDB;</li>
 *   <li>Portus 2.3+'s {@code PORTUS_DB_HOST}/{@code _ADAPTER} (mysql2 = MariaDB, postgresql),
 *       {@code _PORT}, {@code _USERNAME}, {@code _PASSWORD}, {@code _DATABASE} (portus_production),
 *       {@code _POOL}, {@code _TIMEOUT};</li>
 *   <li>none of them: embedded H2 in {@code <portus.data-dir>/db}.</li>
 * </ol>
 * Passwords may also come from a file named by the variable with a {@code _FILE} suffix.
 *
 * <p>{@link #checkVariableNames} refuses environment variables Spring Boot would bind to the wrong place.
 */
final class DatabaseSettings {

    /** The {@code PORTUS_*} variables read here (not through application.yml), for {@link UnknownPortusVariables}. */
    static final List<String> PORTUS_VARIABLES = List.of("PORTUS_DB_ADAPTER", "PORTUS_DB_HOST", "PORTUS_DB_PORT",
            "PORTUS_DB_DATABASE", "PORTUS_DB_USERNAME", "PORTUS_DB_PASSWORD", "PORTUS_DB_POOL", "PORTUS_DB_TIMEOUT");

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\[\\]-]+");
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_$-]{1,64}");
    private static final String HIKARI_CONNECTION = "SPRING_DATASOURCE_HIKARI_CONNECTION_";
    private static final List<String> MARIADB_VARS =
            List.of("MARIADB_PORT", "MARIADB_USER", "MARIADB_PASSWORD", "MARIADB_DATABASE");

    private DatabaseSettings() {
    }

    /**
     * @param env     environment variables and properties ({@code null} when absent)
     * @param dataDir the data directory for the embedded database
     * @return the {@code spring.datasource.*} properties to add (empty when a URL is configured)
     */
    static Map<String, Object> datasourceProperties(UnaryOperator<String> env, Path dataDir) {
        if (present(env.apply("spring.datasource.url"))) {
            return Map.of();
        }
        if (present(env.apply("MARIADB_HOST"))) {
            return server("jdbc:mariadb", "MARIADB_HOST", env.apply("MARIADB_HOST"),
                    port(env, "MARIADB_PORT", 3306), database(env, "MARIADB_DATABASE", "portus"),
                    orDefault(env.apply("MARIADB_USER"), "root"), secret(env, "MARIADB_PASSWORD"), null, null);
        }
        for (String name : MARIADB_VARS) {
            if (present(env.apply(name))) {
                throw new InvalidSettingException("MARIADB_HOST", "not set, but " + name + " is (set the host of the MariaDB server)");
            }
        }
        String adapter = env.apply("PORTUS_DB_ADAPTER");
        if (present(env.apply("PORTUS_DB_HOST")) || present(adapter)) {
            return portusDb(env, orDefault(adapter, "mysql2"));
        }
        return h2(dataDir);
    }

    /**
     * Refuses {@code SPRING_DATASOURCE_HIKARI_CONNECTION_<X>}: Spring Boot reads it as the nested property
     * {@code spring.datasource.hikari.connection.<x>}, calls {@code getConnection()} on the pool to bind it, and
     * the pool, started before it is configured, then refuses the rest of its settings ("the configuration of
     * the pool is sealed"). The working name has no underscore inside the property name.
     *
     * @param names the names of the process's environment variables
     */
    static void checkVariableNames(Iterable<String> names) {
        for (String name : names) {
            if (name.toUpperCase(java.util.Locale.ROOT).startsWith(HIKARI_CONNECTION)) {
                String rest = name.substring(HIKARI_CONNECTION.length()).replace("_", "");
                throw new InvalidSettingException(name, "Spring Boot reads it as spring.datasource.hikari.connection.*"
                        + " and opens the pool before configuring it; name it SPRING_DATASOURCE_HIKARI_CONNECTION"
                        + rest.toUpperCase(java.util.Locale.ROOT) + " (no underscore inside the property name)"
                        + (rest.equalsIgnoreCase("timeout") ? " (or PORTUS_DB_TIMEOUT, in milliseconds, with the PORTUS_DB_* variables)" : ""));
            }
        }
    }

    private static Map<String, Object> portusDb(UnaryOperator<String> env, String adapter) {
        String scheme = switch (adapter.trim().toLowerCase()) {
            case "mysql2", "mysql", "mariadb" -> "jdbc:mariadb";
            case "postgresql", "postgres", "postgis" -> "jdbc:postgresql";
            default -> throw new InvalidSettingException("PORTUS_DB_ADAPTER",
                    "unsupported adapter '" + adapter + "' (use mysql2 or postgresql)");
        };
        int defaultPort = scheme.equals("jdbc:mariadb") ? 3306 : 5432;
        String defaultUser = scheme.equals("jdbc:mariadb") ? "root" : "postgres";
        return server(scheme, "PORTUS_DB_HOST", orDefault(env.apply("PORTUS_DB_HOST"), "localhost"),
                port(env, "PORTUS_DB_PORT", defaultPort), database(env, "PORTUS_DB_DATABASE", "portus_production"),
                orDefault(env.apply("PORTUS_DB_USERNAME"), defaultUser), secret(env, "PORTUS_DB_PASSWORD"),
                positive(env, "PORTUS_DB_POOL"), positive(env, "PORTUS_DB_TIMEOUT"));
    }

    private static Map<String, Object> server(String scheme, String hostVar, String host, int port, String database,
                                              String user, String password, Integer pool, Integer timeoutMillis) {
        host = host.trim();
        if (!HOST.matcher(host).matches()) {
            throw new InvalidSettingException(hostVar, "not a host name or address: '" + host + "'");
        }
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", scheme + "://" + host + ":" + port + "/" + database);
        props.put("spring.datasource.username", user);
        props.put("spring.datasource.password", password);
        if (pool != null) {
            props.put("spring.datasource.hikari.maximum-pool-size", pool);
        }
        if (timeoutMillis != null) {
            props.put("spring.datasource.hikari.connection-timeout", Math.max(250, timeoutMillis));
        }
        return props;
    }

    private static Map<String, Object> h2(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve("db").resolve("portus");
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.datasource.url",
                "jdbc:h2:file:" + file + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        props.put("spring.datasource.username", "sa");
        props.put("spring.datasource.password", "");
        return props;
    }

    private static int port(UnaryOperator<String> env, String name, int defaultPort) {
        String value = env.apply(name);
        if (!present(value)) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidSettingException(name, "not a port number (1-65535): '" + value + "'");
    }

    private static Integer positive(UnaryOperator<String> env, String name) {
        String value = env.apply(name);
        if (!present(value)) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidSettingException(name, "not a positive number: '" + value + "'");
    }

    private static String database(UnaryOperator<String> env, String name, String defaultName) {
        String value = orDefault(env.apply(name), defaultName).trim();
        if (!DATABASE.matcher(value).matches()) {
            throw new InvalidSettingException(name, "not a database name (letters, digits, _ $ -): '" + value + "'");
        }
        return value;
    }

    /** The value of {@code name}, or the content of the file named by {@code name_FILE}. */
    private static String secret(UnaryOperator<String> env, String name) {
        String file = env.apply(name + "_FILE");
        if (present(file)) {
            try {
                return Files.readString(Path.of(file.trim())).strip();
            } catch (IOException | RuntimeException e) {
                throw new InvalidSettingException(name + "_FILE", "cannot read '" + file + "': " + e.getMessage());
            }
        }
        return orDefault(env.apply(name), "");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String orDefault(String value, String defaultValue) {
        return present(value) ? value : defaultValue;
    }
}
