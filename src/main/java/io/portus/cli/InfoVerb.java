package io.portus.cli;

import io.portus.common.PortusProperties;
import io.portus.config.StorageConfiguration;
import io.portus.config.StorageProperties;
import io.portus.registry.RegistryProperties;
import io.portus.storage.StorageHealth;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code info}: what this host's server would run with: versions, the settings in effect (secrets masked),
 * whether the database opens (and its migration level) and whether the storage answers. Exits
 * {@link ExitCodes#UNHEALTHY} when the database or the storage does not.
 */
@Command(name = "info", mixinStandardHelpOptions = true, description = {
        "Show versions, the settings in effect (secrets masked), and whether the database and the storage",
        "this host's server would use can be reached (exit 7 when one cannot)."})
final class InfoVerb implements Callable<Integer> {

    @Mixin
    Settings settings;

    @Option(names = {"-f", "--format"}, defaultValue = "table", description = "Output: ${COMPLETION-CANDIDATES}")
    Format format;

    /**
     * Binds the settings the storage probe needs, nothing else (no database, no web server). Not a
     * {@code @Configuration}, so that the server's component scan does not find it.
     */
    @EnableConfigurationProperties({PortusProperties.class, RegistryProperties.class, StorageProperties.class})
    static class SettingsOnly {
    }

    @Override
    public Integer call() {
        ObjectNode info = ApiClient.JSON.createObjectNode();
        info.put("version", CliVersion.current());
        info.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        boolean up;
        try (ConfigurableApplicationContext context = settings.openSettings(SettingsOnly.class)) {
            ObjectNode values = info.putObject("settings");
            EffectiveSettings.of(context.getEnvironment()).forEach(values::put);
            up = storage(context, info.putObject("storage"));
        }
        up &= database(info.putObject("database"));
        if (format == Format.table) {
            Cli.out().print(InfoTable.of(info));
        } else {
            new Printer(format, Cli.out()).print(info, List.of());
        }
        return up ? ExitCodes.OK : ExitCodes.UNHEALTHY;
    }

    private static boolean storage(ConfigurableApplicationContext context, ObjectNode into) {
        try (StorageHealth health = new StorageHealth(new StorageConfiguration().blobStore(
                context.getBean(RegistryProperties.class), context.getBean(StorageProperties.class)),
                Duration.ZERO, Duration.ofSeconds(5), Clock.systemUTC())) {
            StorageHealth.Status status = health.check();
            into.put("up", status.up()).put("message", status.message());
            return status.up();
        } catch (RuntimeException e) {
            into.put("up", false).put("message", Settings.rootMessage(e));
            return false;
        }
    }

    private boolean database(ObjectNode into) {
        try (DatabaseContext db = settings.openDatabase()) {
            try (Connection connection = db.bean(DataSource.class).getConnection()) {
                var meta = connection.getMetaData();
                into.put("up", true).put("url", EffectiveSettings.mask("url", meta.getURL()))
                        .put("product", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
            }
            var current = db.bean(Flyway.class).info().current();
            into.put("schema", current == null ? "empty" : current.getVersion().getVersion());
            into.put("users", db.jdbc().sql("SELECT COUNT(*) FROM users").query(Long.class).single());
            return true;
        } catch (CliFailure e) {
            into.put("up", false).put("message", e.getMessage());
            return false;
        } catch (java.sql.SQLException | RuntimeException e) {
            into.put("up", false).put("message", Settings.rootMessage(e));
            return false;
        }
    }
}
