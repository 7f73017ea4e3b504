package io.portus.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Adds the datasource computed by {@link DatabaseSettings} from {@code MARIADB_*} / {@code PORTUS_DB_*}
 * (or the embedded H2 default) as the lowest-precedence property source, so an explicit
 * {@code spring.datasource.*} always wins. Runs after the config files are loaded. Environment variables
 * Boot would misread are refused first ({@link DatabaseSettings#checkVariableNames}).
 */
class DatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "portusDatabase";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        PropertySource<?> system = environment.getPropertySources()
                .get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        if (system instanceof EnumerablePropertySource<?> variables) {
            DatabaseSettings.checkVariableNames(List.of(variables.getPropertyNames()));
        }
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
