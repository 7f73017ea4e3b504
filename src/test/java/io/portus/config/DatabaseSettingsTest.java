package io.portus.config;

import io.portus.common.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseSettingsTest {

    @TempDir
    Path dir;

    private Map<String, Object> props(Map<String, String> env) {
        return DatabaseSettings.datasourceProperties(env::get, dir);
    }

    @Test
    void noVariablesMeanAnEmbeddedH2FileUnderTheDataDirectory() {
        Map<String, Object> p = props(Map.of());
        assertThat((String) p.get("spring.datasource.url"))
                .startsWith("jdbc:h2:file:" + dir.toAbsolutePath().resolve("db").resolve("portus"))
                .contains("AUTO_SERVER=FALSE");
    }

    @Test
    void anExplicitUrlIsLeftAlone() {
        assertThat(props(Map.of("spring.datasource.url", "jdbc:postgresql://db/x", "MARIADB_HOST", "m"))).isEmpty();
    }

    @Test
    void mariadbVariablesOfTheClassicDeployment() {
        Map<String, Object> p = props(Map.of("MARIADB_HOST", "db.example", "MARIADB_USER", "portus",
                "MARIADB_PASSWORD", "s3cret", "MARIADB_DATABASE", "portus_production"));
        assertThat(p).containsEntry("spring.datasource.url", "jdbc:mariadb://db.example:3306/portus_production")
                .containsEntry("spring.datasource.username", "portus")
                .containsEntry("spring.datasource.password", "s3cret");
        assertThat(props(Map.of("MARIADB_HOST", "db", "MARIADB_PORT", "3307")))
                .containsEntry("spring.datasource.url", "jdbc:mariadb://db:3307/portus")
                .containsEntry("spring.datasource.username", "root");
    }

    @Test
    void portusDbVariablesSelectMariaDbOrPostgres() {
        assertThat(props(Map.of("PORTUS_DB_HOST", "db")))
                .containsEntry("spring.datasource.url", "jdbc:mariadb://db:3306/portus_production");
        Map<String, Object> pg = props(Map.of("PORTUS_DB_ADAPTER", "postgresql", "PORTUS_DB_HOST", "pg",
                "PORTUS_DB_USERNAME", "u", "PORTUS_DB_PASSWORD", "p", "PORTUS_DB_DATABASE", "portus",
                "PORTUS_DB_POOL", "5"));
        assertThat(pg).containsEntry("spring.datasource.url", "jdbc:postgresql://pg:5432/portus")
                .containsEntry("spring.datasource.username", "u")
                .containsEntry("spring.datasource.hikari.maximum-pool-size", 5);
    }

    @Test
    void passwordsCanComeFromFiles() throws Exception {
        Path secret = Files.writeString(dir.resolve("pw"), "from-file\n");
        assertThat(props(Map.of("MARIADB_HOST", "db", "MARIADB_PASSWORD_FILE", secret.toString())))
                .containsEntry("spring.datasource.password", "from-file");
        assertThatThrownBy(() -> props(Map.of("MARIADB_HOST", "db", "MARIADB_PASSWORD_FILE", "/nonexistent/pw")))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("MARIADB_PASSWORD_FILE: cannot read");
    }

    @Test
    void wrongSettingsAreNamedInOneLine() {
        assertThatThrownBy(() -> props(Map.of("MARIADB_HOST", "db", "MARIADB_PORT", "33o6")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("MARIADB_PORT: not a port number (1-65535): '33o6'");
        assertThatThrownBy(() -> props(Map.of("PORTUS_DB_ADAPTER", "sqlite3")))
                .hasMessage("PORTUS_DB_ADAPTER: unsupported adapter 'sqlite3' (use mysql2 or postgresql)");
        assertThatThrownBy(() -> props(Map.of("MARIADB_USER", "portus")))
                .hasMessageStartingWith("MARIADB_HOST: not set, but MARIADB_USER is");
        assertThatThrownBy(() -> props(Map.of("MARIADB_HOST", "db/evil")))
                .hasMessageStartingWith("MARIADB_HOST: not a host name");
        assertThatThrownBy(() -> props(Map.of("MARIADB_HOST", "db", "MARIADB_DATABASE", "a;b")))
                .hasMessageStartingWith("MARIADB_DATABASE: not a database name");
        assertThatThrownBy(() -> props(Map.of("PORTUS_DB_HOST", "db", "PORTUS_DB_POOL", "0")))
                .hasMessage("PORTUS_DB_POOL: not a positive number: '0'");
    }
}
