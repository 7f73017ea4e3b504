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
 * A Portus {@code config.yml} / {@code config-local.yml} named by {@code PORTUS_CONFIG_FILE}
 * ({@code portus.config-file}): its keys, written as Portus writes them ({@code ldap: {enabled: true, uid: cn}},
 * {@code email: {smtp: {user_name: …}}}), become {@code portus.ldap.enabled}, {@code portus.ldap.uid},
 * {@code portus.email.smtp.user-name}. The few keys Portus wraps in {@code value} are translated
 * ({@link #TRANSLATED}). Environment variables win over the file, as in Portus; the file wins over
 * application.yml's defaults. Unknown keys are ignored, as Portus ignores them.
 */
final class PortusConfigFile implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "portusConfigFile";
    static final String SETTING = "PORTUS_CONFIG_FILE (portus.config-file)";

    /** Portus keys whose place or unit differs here. */
    static final Map<String, String> TRANSLATED = Map.of(
            "machine_fqdn.value", "portus.machine-fqdn",
            "jwt_expiration_time.value", "portus.token.lifetime",
            "registry.jwt_expiration_time.value", "portus.token.lifetime",
            "pagination.per_page", "portus.pagination.per-page");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String file = environment.getProperty("portus.config-file", "");
        if (file.isBlank()) {
            return;
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new InvalidSettingException(SETTING, file + " does not exist or cannot be read");
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
