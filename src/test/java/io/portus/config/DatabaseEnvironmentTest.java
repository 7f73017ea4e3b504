package io.portus.config;

import io.portus.common.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The environment post-processor on a process environment: {@code SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT}
 * used to start the pool while Spring bound it ("the configuration of the pool is sealed once started").
 */
class DatabaseEnvironmentTest {

    @TempDir
    Path dir;

    private StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        return env;
    }

    @Test
    void anUnderscoreInsideAHikariConnectionPropertyStopsStartUpWithTheWorkingName() {
        StandardEnvironment env = environment(Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://db/portus",
                "SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT", "2000", "PORTUS_DATA_DIR", dir.toString()));
        assertThatThrownBy(() -> new DatabaseEnvironment().postProcessEnvironment(env, new SpringApplication()))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT: ")
                .hasMessageContaining("SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT")
                .hasMessageContaining("PORTUS_DB_TIMEOUT");
    }

    @Test
    void theDatasourceVariablesThemselvesAreLeftToSpring() {
        StandardEnvironment env = environment(Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://db/portus",
                "SPRING_DATASOURCE_USERNAME", "portus", "SPRING_DATASOURCE_PASSWORD", "secret",
                "SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT", "2000", "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "4"));
        new DatabaseEnvironment().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getPropertySources().contains(DatabaseEnvironment.SOURCE_NAME)).isFalse();
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db/portus");
        assertThat(Binder.get(env).bind("spring.datasource.hikari.connection-timeout", Long.class).get())
                .as("the suggested name binds where it should").isEqualTo(2000L);
    }

    @Test
    void otherConnectionPropertiesGetTheirWorkingNamesToo() {
        assertThatThrownBy(() -> DatabaseSettings.checkVariableNames(java.util.List.of("PATH",
                "SPRING_DATASOURCE_HIKARI_CONNECTION_INIT_SQL")))
                .hasMessageStartingWith("SPRING_DATASOURCE_HIKARI_CONNECTION_INIT_SQL: ")
                .hasMessageContaining("SPRING_DATASOURCE_HIKARI_CONNECTIONINITSQL ")
                .hasMessageNotContaining("PORTUS_DB_TIMEOUT");
    }
}
