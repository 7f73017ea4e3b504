package io.portus.cli;

import io.portus.common.PortusProperties;
import io.portus.importer.ImportReport;
import io.portus.importer.NotPortusDatabaseException;
import io.portus.importer.PortusImport;
import io.portus.webhook.WebhookSecrets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * {@code portus import-portus}: copies a Portus 2.x database (MariaDB/MySQL or PostgreSQL) into the database
 * the usual environment selects ({@link io.portus.importer.PortusImport} does the work), so a team moves without
 * recreating accounts, teams and permissions. The source is only read. The password can come from a file or the
 * environment so it stays out of {@code ps}.
 */
@Command(name = "import-portus", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import a Portus 2.x database (MariaDB/MySQL or PostgreSQL; 2.3 and 2.4 schemas) into this "
                + "server's database (H2 by default, MARIADB_*/PORTUS_DB_* otherwise): users (their passwords and "
                + "application tokens keep working), teams, namespaces, registries, repositories, tags, stars, "
                + "comments, activities and webhooks.",
                "Rows already here are skipped, so it can run again; rows that cannot be mapped are listed and the "
                + "rest goes on. Stop the server first when it uses the embedded H2 database."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:imported (refused rows, if any, are listed)", "1:a group failed and was rolled back",
                "2:wrong command line", "5:a database could not be reached"})
final class ImportPortusCommand implements Callable<Integer> {

    /** The environment variable read when neither --password nor --password-file is given. */
    static final String PASSWORD_VARIABLE = "PORTUS_IMPORT_PASSWORD";

    /** Output formats. */
    enum Format { text, json }

    @Option(names = "--url", required = true, paramLabel = "JDBC_URL",
            description = "The Portus database, e.g. jdbc:mariadb://db:3306/portus_production or "
                    + "jdbc:postgresql://db/portus (jdbc:mysql: is read as jdbc:mariadb:).")
    String url;

    @Option(names = "--username", paramLabel = "USER", description = "The user to read the Portus database as.")
    String username;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "Its password (visible in ps: prefer --password-file or " + PASSWORD_VARIABLE + ").")
    String password;

    @Option(names = "--password-file", paramLabel = "FILE", description = "A file holding the password (one line).")
    Path passwordFile;

    @Option(names = "--dry-run", description = "Do everything in a transaction that is rolled back: the summary "
            + "says what would be imported, nothing is written.")
    boolean dryRun;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "The summary as text (default) or JSON on stdout.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String jdbcUrl = url.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + url.substring("jdbc:mysql:".length()) : url;
        if (!jdbcUrl.startsWith("jdbc:mariadb:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            err.println("--url must be a jdbc:mariadb:, jdbc:mysql: or jdbc:postgresql: URL of the Portus database");
            return ExitCodes.USAGE;
        }
        String secret;
        try {
            secret = password();
        } catch (IOException e) {
            err.println("Cannot read the password file " + passwordFile + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl, username, secret)) {
            return importFrom(connection);
        } catch (SQLException e) {
            err.println("Cannot read the Portus database at " + jdbcUrl + ": " + e.getMessage());
            return ExitCodes.UNREACHABLE;
        } catch (NotPortusDatabaseException e) {
            err.println(e.getMessage());
            return ExitCodes.INVALID;
        }
    }

    /**
     * Opens this server's database and imports; stdout carries the summary only ({@code --format json} can be piped:
     * {@link Cli#run} sends Spring's console logs to stderr while a verb runs).
     */
    private int importFrom(Connection source) throws SQLException {
        PrintWriter out = spec.commandLine().getOut();
        ImportReport report;
        DatabaseContext target;
        try {
            target = DatabaseContext.open(new Class<?>[] {PortusImport.Settings.class});
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("Cannot open this server's database: " + Settings.rootMessage(e));
            return ExitCodes.UNREACHABLE;
        }
        try (target) {
            WebhookSecrets secrets = WebhookSecrets.from(target.bean(PortusProperties.class));
            report = PortusImport.run(source, target.jdbc(), target.transactions(), secrets, dryRun);
        }
        out.print(format == Format.json ? JsonMapper.builder().build().writeValueAsString(report) + "\n" : report.text());
        out.flush();
        return report.complete() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private String password() throws IOException {
        if (password != null) {
            return password;
        }
        if (passwordFile != null) {
            String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
            return text.lines().findFirst().orElse("");
        }
        String env = System.getenv(PASSWORD_VARIABLE);
        return env == null ? "" : env;
    }
}
