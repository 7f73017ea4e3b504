package io.portus.config;

import io.portus.common.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Portus config-local.yml, written as Portus writes it, configures the same keys as the environment. */
class PortusConfigFileTest {

    @TempDir
    Path dir;

    @Test
    void portusKeysBecomePortusProperties() throws IOException {
        StandardEnvironment env = environment(Map.of(), """
                machine_fqdn:
                  value: registry.example.org
                jwt_expiration_time:
                  value: 7
                ldap:
                  enabled: true
                  hostname: ldap.example.org
                  uid: cn
                  guess_email:
                    enabled: true
                    attr: mail
                email:
                  smtp:
                    user_name: mailer
                    enable_starttls_auto: false
                oauth:
                  google_oauth2:
                    options:
                      hd: example.org
                """);

        assertThat(env.getProperty("portus.machine-fqdn")).isEqualTo("registry.example.org");
        assertThat(env.getProperty("portus.token.lifetime")).isEqualTo("7m");
        assertThat(env.getProperty("portus.ldap.enabled", Boolean.class)).isTrue();
        assertThat(env.getProperty("portus.ldap.uid")).isEqualTo("cn");
        assertThat(env.getProperty("portus.ldap.guess-email.attr")).isEqualTo("mail");
        assertThat(env.getProperty("portus.email.smtp.user-name")).isEqualTo("mailer");
        assertThat(env.getProperty("portus.email.smtp.enable-starttls-auto")).isEqualTo("false");
        assertThat(env.getProperty("portus.oauth.google-oauth2.options.hd")).isEqualTo("example.org");
    }

    @Test
    void environmentVariablesWinOverTheFile() throws IOException {
        StandardEnvironment env = environment(Map.of("portus.ldap.uid", "sAMAccountName"), """
                ldap:
                  uid: cn
                  port: 636
                """);

        assertThat(env.getProperty("portus.ldap.uid")).isEqualTo("sAMAccountName");
        assertThat(env.getProperty("portus.ldap.port")).isEqualTo("636");
    }

    @Test
    void aMissingOrBrokenFileIsAClearStartupError() throws IOException {
        StandardEnvironment missing = new StandardEnvironment();
        missing.getPropertySources().addFirst(new MapPropertySource("t",
                Map.of("portus.config-file", dir.resolve("nope.yml").toString())));
        assertThatThrownBy(() -> new PortusConfigFile().postProcessEnvironment(missing, new SpringApplication()))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("does not exist");

        assertThatThrownBy(() -> environment(Map.of(), "ldap: [unclosed\n"))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("not a readable YAML file");
    }

    @Test
    void portusLocalConfigPathNamesTheFileAsInPortus() throws IOException {
        Path file = dir.resolve("elsewhere.yml");
        Files.writeString(file, "pagination:\n  per_page: 30\n  before_after: 3\n");
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new MapPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("PORTUS_LOCAL_CONFIG_PATH", file.toString())));
        new PortusConfigFile().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("portus.pagination.per-page")).isEqualTo("30");
        assertThat(env.getProperty("portus.pagination.before-after")).isEqualTo("3");

        StandardEnvironment missing = new StandardEnvironment();
        missing.getPropertySources().addFirst(new MapPropertySource("t",
                Map.of("PORTUS_LOCAL_CONFIG_PATH", dir.resolve("nope.yml").toString())));
        assertThatThrownBy(() -> new PortusConfigFile().postProcessEnvironment(missing, new SpringApplication()))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("PORTUS_LOCAL_CONFIG_PATH");
    }

    @Test
    void withoutANameConfigLocalYmlIsReadWherePortusKeepsIt() throws IOException {
        Path local = dir.resolve("config").resolve("config-local.yml");
        List<Path> places = List.of(dir.resolve("absent.yml"), local);
        assertThat(PortusConfigFile.file(new StandardEnvironment(), places)).as("no file, nothing read").isNull();

        Files.createDirectories(local.getParent());
        Files.writeString(local, "delete:\n  enabled: false\n");
        assertThat(PortusConfigFile.file(new StandardEnvironment(), places)).isEqualTo(local);
        assertThat(PortusConfigFile.PLACES).as("Portus's places: config/ under the Rails root")
                .contains(Path.of("config", "config-local.yml"), Path.of("/srv/Portus/config/config-local.yml"));
    }

    private StandardEnvironment environment(Map<String, Object> variables, String yaml) throws IOException {
        Path file = dir.resolve("config-local.yml");
        Files.writeString(file, yaml);
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new MapPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        env.getPropertySources().addFirst(new MapPropertySource("cli", Map.of("portus.config-file", file.toString())));
        new PortusConfigFile().postProcessEnvironment(env, new SpringApplication());
        return env;
    }
}
