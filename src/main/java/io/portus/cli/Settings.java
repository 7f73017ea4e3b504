package io.portus.cli;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The options of the verbs that work on this host's database and files: they read the environment the server
 * reads ({@code PORTUS_*}, {@code MARIADB_*}, {@code application.yml}…), and {@code --set key=value} adds a
 * setting above it, as {@code --key=value} does for the server.
 */
final class Settings {

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A setting above the environment, e.g. --set portus.data-dir=/srv/portus (repeatable)")
    List<String> values = new ArrayList<>();

    String[] properties() {
        for (String value : values) {
            int eq = value.indexOf('=');
            if (eq <= 0) {
                throw CliFailure.usage("--set " + value + " is not key=value");
            }
        }
        return values.toArray(String[]::new);
    }

    /**
     * The configuration alone, as the server would read it (files, environment, the classic variables), with the
     * {@code configurations}' beans: no database, no web server, no background jobs.
     */
    ConfigurableApplicationContext openSettings(Class<?>... configurations) {
        Class<?>[] sources = configurations.length == 0 ? new Class<?>[] {Object.class} : configurations;
        return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false).properties("spring.main.register-shutdown-hook=false")
                .run(Stream.concat(DatabaseContext.QUIET.stream(), Arrays.stream(properties()))
                        .map(p -> "--" + p).toArray(String[]::new));
    }

    /** Opens the database; an unreachable or refused one is {@link ExitCodes#UNREACHABLE} with the reason. */
    DatabaseContext openDatabase(Class<?>... configurations) {
        try {
            return DatabaseContext.open(configurations, properties());
        } catch (RuntimeException e) {
            throw new CliFailure(ExitCodes.UNREACHABLE, "cannot open the database: " + rootMessage(e));
        }
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
