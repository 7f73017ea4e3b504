package io.portus.cli;

import io.portus.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import-portus}'s command line: usage errors, the password from a file, an unreachable source and a
 * database that is not Portus's give their exit codes and a message, before this server's database is opened
 * (the import itself: io.portus.importer.ImportPortus*Test and ImportPortusIT).
 */
class ImportPortusCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine line = Cli.commandLine();
        line.setErr(new PrintWriter(err, true));
        line.setOut(new PrintWriter(new StringWriter(), true));
        return line.execute(args);
    }

    @Test
    void theUrlIsRequiredAndMustBeMariaDbMySqlOrPostgres() {
        assertThat(run("import-portus")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--url");
        assertThat(run("import-portus", "--url", "jdbc:h2:mem:x")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("must be a jdbc:mariadb:, jdbc:mysql: or jdbc:postgresql: URL");
        assertThat(run("import-portus", "--url", "jdbc:mariadb://h/db", "--format", "yaml")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aMissingPasswordFileIsAUsageError() {
        assertThat(run("import-portus", "--url", "jdbc:mariadb://127.0.0.1/x", "--password-file",
                dir.resolve("none").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Cannot read the password file");
    }

    @Test
    void anUnreachableSourceIsExitCode5WithoutThePassword() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "very-secret-pw\n");
        assertThat(run("import-portus", "--url", "jdbc:mysql://127.0.0.1:1/portus?connectTimeout=2000", "--username",
                "portus", "--password-file", file.toString())).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(err.toString()).contains("Cannot read the Portus database at jdbc:mariadb://127.0.0.1:1/portus")
                .doesNotContain("very-secret-pw");
    }

    @Test
    void aDatabaseWithoutPortusTablesIsRefused() {
        TestDatabases.Db empty = TestDatabases.fresh(TestDatabases.Vendor.POSTGRESQL);
        assertThat(run("import-portus", "--url", empty.url(), "--username", empty.username()))
                .isEqualTo(ExitCodes.INVALID);
        assertThat(err.toString()).contains("this is not a Portus 2.x database: no table users");
    }
}
