package io.portus.config;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warns at start-up about every {@code PORTUS_*} environment variable this server does not understand, naming
 * it, so a setting carried over from a Portus deployment (or mistyped) is never silently ignored. Understood
 * are: the variables application.yml names in its placeholders ({@code ${PORTUS_DELETE_ENABLED:true}}), the
 * relaxed-binding name of each {@code portus.*} key it defines ({@code portus.ldap.guess-email.enabled} →
 * {@code PORTUS_LDAP_GUESS_EMAIL_ENABLED}, Portus's {@code PORTUS_<SECTION>_<KEY>} convention), those read
 * by code ({@link DatabaseSettings#PORTUS_VARIABLES}, {@link PortusConfigFile}) and the indexed entries of list
 * keys ({@code PORTUS_NOTIFICATIONS_ENDPOINTS_0_URL}).
 */
final class UnknownPortusVariables implements EnvironmentPostProcessor, Ordered {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(PORTUS_[A-Z0-9_]+)");
    /** List-valued keys whose entries are bound by index. */
    private static final List<String> INDEXED = List.of("PORTUS_NOTIFICATIONS_ENDPOINTS_");

    private final Log log;

    UnknownPortusVariables(DeferredLogFactory logs) {
        this.log = logs.getLog(UnknownPortusVariables.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        for (String name : unknown(environment.getSystemEnvironment().keySet(), environment)) {
            log.warn("The environment variable " + name + " is not a setting of this server and is ignored "
                    + "(see README \"Configuration\" for the variables it understands)");
        }
    }

    /** The {@code PORTUS_*} names among {@code variables} that nothing reads, sorted. */
    static Set<String> unknown(Set<String> variables, ConfigurableEnvironment environment) {
        Set<String> known = known(environment);
        Set<String> unknown = new TreeSet<>();
        for (String name : variables) {
            String upper = name.toUpperCase(Locale.ROOT);
            if (upper.startsWith("PORTUS_") && !known.contains(upper) && INDEXED.stream().noneMatch(upper::startsWith)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    private static Set<String> known(ConfigurableEnvironment environment) {
        Set<String> known = new HashSet<>(DatabaseSettings.PORTUS_VARIABLES);
        known.addAll(PortusConfigFile.VARIABLES);
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> e) || !source.getName().contains("application")) {
                continue;
            }
            for (String key : e.getPropertyNames()) {
                if (key.startsWith("portus.")) {
                    String upper = key.toUpperCase(Locale.ROOT).replace('.', '_');
                    known.add(upper.replace('-', '_'));
                    known.add(upper.replace("-", ""));
                }
                Object raw = e.getProperty(key);
                if (raw != null) {
                    Matcher m = PLACEHOLDER.matcher(raw.toString());
                    while (m.find()) {
                        known.add(m.group(1));
                    }
                }
            }
        }
        return known;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
