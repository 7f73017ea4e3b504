package io.portus.config;

import io.portus.common.InvalidSettingException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Portus {@code config.yml} / {@code config-local.yml}: the file named by {@code PORTUS_CONFIG_FILE}
 * ({@code portus.config-file}), else by Portus's {@code PORTUS_LOCAL_CONFIG_PATH} (either must exist), else
 * {@code config/config-local.yml} under the working directory or the classic image's
 * {@code /srv/Portus/config/config-local.yml} when one exists (where Portus reads it). Its keys, written as Portus writes them ({@code ldap: {enabled: true, uid: cn}},
 * {@code email: {smtp: {user_name: …}}}), become {@code portus.ldap.enabled}, {@code portus.ldap.uid},
 * {@code portus.email.smtp.user-name}. The few keys Portus wraps in {@code value} are translated
 * ({@link #TRANSLATED}). Environment variables win over the file, as in Portus; the file wins over
 * application.yml's defaults. Unknown keys are ignored, as Portus ignores them.
 */
final class PortusConfigFile implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "portusConfigFile";
    static final String SETTING = "PORTUS_CONFIG_FILE (portus.config-file)";
    static final String LOCAL = "PORTUS_LOCAL_CONFIG_PATH";
    /** The variables read here (for {@link UnknownPortusVariables}). */
    static final List<String> VARIABLES = List.of("PORTUS_CONFIG_FILE", LOCAL);
    /** Where Portus reads its config-local.yml: {@code config/} of the Rails root (cwd, or the classic image's). */
    static final List<Path> PLACES = List.of(Path.of("config", "config-local.yml"),
            Path.of("/srv/Portus/config/config-local.yml"));

    /** Portus keys whose place or unit differs here. */
    static final Map<String, String> TRANSLATED = Map.of(
            "machine_fqdn.value", "portus.machine-fqdn",
            "jwt_expiration_time.value", "portus.token.lifetime",
            "registry.jwt_expiration_time.value", "portus.token.lifetime",
            "pagination.per_page", "portus.pagination.per-page");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path path = file(environment, PLACES);
        if (path == null) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (PropertySource<?> source : load(path)) {
            if (source instanceof EnumerablePropertySource<?> e) {
                for (String key : e.getPropertyNames()) {
                    properties.put(name(key), value(key, e.getProperty(key)));
                }
            }
        }
        MapPropertySource source = new MapPropertySource(SOURCE, properties);
        if (environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
        } else {
            environment.getPropertySources().addLast(source);
        }
    }

    /** The file to read, or null: a named one must exist; the usual places are looked at only when none is named. */
    static Path file(ConfigurableEnvironment environment, List<Path> places) {
        String named = environment.getProperty("portus.config-file", "");
        String setting = SETTING;
        if (named.isBlank()) {
            named = environment.getProperty(LOCAL, "");
            setting = LOCAL;
        }
        if (!named.isBlank()) {
            Path path = Path.of(named);
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new InvalidSettingException(setting, named + " does not exist or cannot be read");
            }
            return path;
        }
        return places.stream().filter(p -> Files.isRegularFile(p) && Files.isReadable(p)).findFirst().orElse(null);
    }

    /** {@code ldap.guess_email.enabled} → {@code portus.ldap.guess-email.enabled}. */
    static String name(String portusKey) {
        String translated = TRANSLATED.get(portusKey);
        return translated != null ? translated : "portus." + portusKey.replace('_', '-');
    }

    private static Object value(String key, Object value) {
        if (key.endsWith("jwt_expiration_time.value") && value != null && value.toString().matches("\\d+")) {
            return value + "m";
        }
        return value == null ? "" : value.toString();
    }

    private static List<PropertySource<?>> load(Path path) {
        try {
            return new YamlPropertySourceLoader().load(SOURCE, new FileSystemResource(path));
        } catch (IOException | RuntimeException e) {
            throw new InvalidSettingException(SETTING, path + " is not a readable YAML file: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + firstLine(e.getMessage())));
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public int getOrder() {
        // after application.yml is loaded (portus.config-file may be set there), before the other post-processors
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
