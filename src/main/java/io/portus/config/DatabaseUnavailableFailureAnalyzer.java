package io.portus.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * A database that cannot be reached at start-up: one line naming the URL (never the password) and the
 * driver's reason, instead of a page of bean-creation errors.
 */
class DatabaseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<CannotGetJdbcConnectionException> {

    private final Environment environment;

    DatabaseUnavailableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CannotGetJdbcConnectionException cause) {
        Throwable reason = cause;
        while (reason.getCause() != null) {
            reason = reason.getCause();
        }
        String url = environment.getProperty("spring.datasource.url", "(no URL)");
        return new FailureAnalysis("Cannot connect to the database " + url + ": " + reason.getMessage(),
                "Check MARIADB_HOST/MARIADB_PORT/MARIADB_USER/MARIADB_PASSWORD/MARIADB_DATABASE (or PORTUS_DB_*, "
                        + "or spring.datasource.*) and that the database server is running.", cause);
    }
}
