package io.portus.cli;

import io.portus.account.User;
import io.portus.common.ConflictException;
import io.portus.gc.GcRun;
import io.portus.gc.GcService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * {@code gc}: one garbage collection of the built-in registry's storage, run in this process through the gc
 * module and waited for; the servers may keep running (they coordinate through the database). {@code --dry-run}
 * counts what would go. Prints the run as the API shows it; exits non-zero when it failed or another ran.
 */
@Command(name = "gc", mixinStandardHelpOptions = true, description = {
        "Run one garbage collection of the built-in registry and wait for it (servers may keep running).",
        "Exit 6 when a collection is already running somewhere, 1 when it failed."})
final class GcVerb implements Callable<Integer> {

    /** The run in the API's field names ({@code blobs_deleted}…). */
    private static final JsonMapper SNAKE_CASE = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    @Mixin
    Settings settings;

    @Option(names = "--dry-run", description = "Only count what would be deleted")
    boolean dryRun;

    @Option(names = {"-f", "--format"}, defaultValue = "table", description = "Output: ${COMPLETION-CANDIDATES}")
    Format format;

    @Override
    public Integer call() throws InterruptedException {
        settings.values.add("portus.gc.schedule=");
        try (DatabaseContext db = settings.openDatabase(GcBeans.class)) {
            User portus = db.jdbc().sql("SELECT id FROM users WHERE username = :name").param("name", User.PORTUS)
                    .query(Long.class).optional()
                    .map(id -> new User(id, User.PORTUS, null, null, true, true, true, null, null, null, null))
                    .orElseThrow(() -> new CliFailure(ExitCodes.FAILED, "the hidden portus user is missing: start the server once first"));
            GcRun started;
            try {
                started = db.bean(GcService.class).start(portus, dryRun);
            } catch (ConflictException e) {
                throw new CliFailure(ExitCodes.INVALID, e.getMessage());
            }
            System.err.println("garbage collection " + started.id() + (dryRun ? " (dry run)" : "") + " started");
            GcRun run;
            try {
                run = db.bean(GcBeans.Finished.class).future.get().run();
            } catch (ExecutionException e) {
                throw new CliFailure(ExitCodes.FAILED, Settings.rootMessage(e));
            }
            var json = SNAKE_CASE.valueToTree(run);
            new Printer(format, Cli.out()).print(json, List.of("id", "state", "dry_run", "blobs_scanned",
                    "blobs_deleted", "bytes_freed", "manifests_deleted", "error"));
            return GcRun.DONE.equals(run.state()) ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
