package io.portus.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which environment variables the application reads, derived from the application itself rather than from a
 * second list, for the tests of the deployment files (compose, Kubernetes, systemd):
 * <ul>
 *   <li>{@code PORTUS_*}: what {@link UnknownPortusVariables} (the start-up warning) accepts;</li>
 *   <li>the variables named in application.yml's placeholders ({@code ${PUMA_PORT:5000}});</li>
 *   <li>the names main code reads itself, as string literals ({@code "MARIADB_HOST"}, {@code "ENDPOINT_URL"});</li>
 *   <li>the environment form of every property in the configuration metadata on the class path (Spring Boot's
 *       {@code server.*}, {@code spring.*}, {@code management.*}, {@code logging.*} and our {@code portus.*}:
 *       upper case, {@code .} to {@code _}, {@code -} dropped), by prefix for map-valued ones;</li>
 *   <li>what the JVM itself reads: {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}.</li>
 * </ul>
 */
public final class ApplicationVariables {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)");
    private static final Pattern LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");
    private static final Set<String> JVM = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    private static ApplicationVariables instance;

    private final StandardEnvironment application = new StandardEnvironment();
    private final Set<String> exact = new HashSet<>(JVM);
    private final Set<String> prefixes = new HashSet<>();

    private ApplicationVariables() throws IOException {
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(application.getPropertySources()::addLast);
        try (InputStream in = new ClassPathResource("application.yml").getInputStream()) {
            Matcher m = PLACEHOLDER.matcher(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            while (m.find()) {
                exact.add(m.group(1));
            }
        }
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path file : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    exact.add(m.group(1));
                }
            }
        }
        Enumeration<URL> metadata = getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
        JsonMapper json = JsonMapper.builder().build();
        while (metadata.hasMoreElements()) {
            try (InputStream in = metadata.nextElement().openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String type = property.path("type").asString();
                    for (String env : environmentNames(property.path("name").asString())) {
                        exact.add(env);
                        if (type.startsWith("java.util.Map") || type.startsWith("java.util.List")) {
                            prefixes.add(env + "_");
                        }
                    }
                }
            }
        }
    }

    /** The shared instance (reading the sources and the metadata takes a moment). */
    public static synchronized ApplicationVariables get() {
        if (instance == null) {
            try {
                instance = new ApplicationVariables();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** A property as application.yml sets it, placeholders resolved with their defaults. */
    public String property(String key) {
        return application.getProperty(key);
    }

    /**
     * {@code a.b-c.d} as Spring Boot's relaxed binding reads it from the environment: {@code A_BC_D}, and the
     * legacy form with the dash as an underscore, {@code A_B_C_D}.
     */
    static List<String> environmentNames(String property) {
        String upper = property.toUpperCase(Locale.ROOT).replace('.', '_').replaceAll("\\[\\d+]", "");
        return List.of(upper.replace("-", ""), upper.replace('-', '_'));
    }

    /** The names among {@code names} the application does not read, sorted (empty = all are read). */
    public Set<String> unread(Collection<String> names) {
        Set<String> unread = new TreeSet<>();
        Set<String> portus = UnknownPortusVariables.unknown(Set.copyOf(names), application);
        for (String name : names) {
            boolean read = name.startsWith("PORTUS_") ? !portus.contains(name)
                    : exact.contains(name) || prefixes.stream().anyMatch(name::startsWith);
            if (!read) {
                unread.add(name);
            }
        }
        return unread;
    }
}
