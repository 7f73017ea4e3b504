package io.portus.cli;

import io.portus.config.DatabaseOnly;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database the usual environment selects, migrated, for a verb that works on it directly
 * ({@code make-admin}, {@code import-portus}, …). Opens in well under the server's start-up time: no web
 * server, no background jobs, logging at WARN. Close it when the verb is done.
 */
public final class DatabaseContext implements AutoCloseable {

    /**
     * Logging for a verb: warnings only, and no Spring start-up failure report (the verb says in one line what
     * failed). Above the configuration files, below the verb's own {@code properties}.
     */
    static final java.util.List<String> QUIET = java.util.List.of("logging.level.root=WARN",
            "logging.level.org.springframework.boot.diagnostics=OFF",
            "logging.level.org.springframework.context=ERROR", "logging.level.org.flywaydb=ERROR",
            "logging.level.com.zaxxer.hikari=ERROR");

    private final ConfigurableApplicationContext context;

    private DatabaseContext(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Opens it; {@code configurations} adds the verb's own beans (e.g. a module's store), {@code properties}
     * are {@code key=value} settings above the environment (as command-line arguments are).
     */
    public static DatabaseContext open(Class<?>[] configurations, String... properties) {
        Class<?>[] sources = new Class<?>[configurations.length + 1];
        sources[0] = DatabaseOnly.class;
        System.arraycopy(configurations, 0, sources, 1, configurations.length);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(sources)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("spring.main.register-shutdown-hook=false")
                .run(java.util.stream.Stream.concat(QUIET.stream(), java.util.Arrays.stream(properties))
                        .map(p -> "--" + p).toArray(String[]::new));
        return new DatabaseContext(context);
    }

    public static DatabaseContext open() {
        return open(new Class<?>[0]);
    }

    public JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    public TransactionTemplate transactions() {
        return context.getBean(TransactionTemplate.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
