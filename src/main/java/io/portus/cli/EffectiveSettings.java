package io.portus.cli;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The settings in effect, for {@code info}: every {@code portus.*}, {@code server.*} and
 * {@code spring.datasource.*} key that a configuration file or the environment names, resolved as the server
 * resolves it (so {@code PORTUS_DATA_DIR} shows as {@code portus.data-dir}), with secrets masked: values of keys
 * that name a password, secret, credential, access key or token, and a password in a URL.
 */
final class EffectiveSettings {

    static final String MASK = "******";
    private static final Pattern SECRET_KEY = Pattern.compile(
            ".*(password|secret|credential|access-?key|private-?key$|api-?key|token$|client-secret).*");
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^:/@\\s]+:)[^@\\s]+@");
    private static final Pattern URL_PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");
    private static final String[] PREFIXES = {"portus.", "server.port", "server.address", "server.ssl.",
            "spring.datasource.url", "spring.datasource.username", "spring.datasource.password"};

    private EffectiveSettings() {
    }

    static Map<String, String> of(ConfigurableEnvironment environment) {
        Map<String, String> settings = new TreeMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> names)
                    || StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(source.getName())) {
                continue;
            }
            for (String name : names.getPropertyNames()) {
                String key = name.replaceAll("\\[\\d+]$", "");
                if (wanted(key) && !settings.containsKey(key)) {
                    String value;
                    try {
                        value = environment.getProperty(key);
                    } catch (IllegalArgumentException unresolvable) {
                        value = "(unresolvable: " + unresolvable.getMessage() + ")";
                    }
                    if (value != null) {
                        settings.put(key, mask(key, value));
                    }
                }
            }
        }
        return settings;
    }

    private static boolean wanted(String key) {
        for (String prefix : PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    static String mask(String key, String value) {
        if (value.isEmpty()) {
            return value;
        }
        String k = key.toLowerCase(Locale.ROOT);
        if (SECRET_KEY.matcher(k).matches() && !k.endsWith("-path") && !k.endsWith("-file")) {
            return MASK;
        }
        String masked = URL_PASSWORD.matcher(value).replaceAll("$1" + MASK + "@");
        return URL_PASSWORD_PARAM.matcher(masked).replaceAll("$1" + MASK);
    }
}
