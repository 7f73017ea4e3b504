package io.portus.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

/**
 * Adds the datasource computed by {@link DatabaseSettings} from {@code MARIADB_*} / {@code PORTUS_DB_*}
 * (or the embedded H2 default) as the lowest-precedence property source, so an explicit
 * {@code spring.datasource.*} always wins. Runs after the config files are loaded.
 */
class DatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "portusDatabase";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dataDir = environment.getProperty("portus.data-dir", "./data");
        Map<String, Object> props = DatabaseSettings.datasourceProperties(environment::getProperty, Path.of(dataDir));
        if (!props.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, props));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
