package io.portus.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * A compose file as {@code docker compose} reads it, for the deployment test: parsed YAML, then every string
 * value interpolated from the variables of its {@code .env} file ({@code ${X}}, {@code ${X:-default}},
 * {@code ${X-default}}, {@code ${X:?error}}, {@code ${X?error}}, {@code $X}, {@code $$}) as the Compose
 * specification says. Only what the test needs: each service's image, environment, published ports and volumes.
 */
final class ComposeFile {

    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    /** One service: {@code ports} maps a container port to the published host port, {@code volumes} a container path to its source. */
    record Service(String name, String image, Map<String, String> environment, Map<Integer, Integer> ports,
                   Map<String, String> volumes) {
    }

    private final Map<String, Service> services = new LinkedHashMap<>();

    private ComposeFile() {
    }

    /** Reads {@code file} with {@code variables} (the values of its {@code .env}). */
    @SuppressWarnings("unchecked")
    static ComposeFile read(Path file, Map<String, String> variables) {
        ComposeFile compose = new ComposeFile();
        Map<String, Object> root;
        try {
            root = new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> services = (Map<String, Object>) root.get("services");
        services.forEach((name, raw) -> {
            Map<String, Object> s = (Map<String, Object>) raw;
            Map<String, String> env = new LinkedHashMap<>();
            Object environment = s.getOrDefault("environment", Map.of());
            if (environment instanceof Map<?, ?> map) {
                map.forEach((k, v) -> env.put(k.toString(), v == null ? "" : interpolate(v.toString(), variables)));
            } else {
                for (Object entry : (List<Object>) environment) {
                    String[] kv = interpolate(entry.toString(), variables).split("=", 2);
                    env.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
            }
            Map<Integer, Integer> ports = new LinkedHashMap<>();
            for (Object p : (List<Object>) s.getOrDefault("ports", List.of())) {
                String[] parts = interpolate(p.toString(), variables).split(":");
                ports.put(Integer.parseInt(parts[parts.length - 1]), Integer.parseInt(parts[parts.length - 2]));
            }
            Map<String, String> volumes = new LinkedHashMap<>();
            for (Object v : (List<Object>) s.getOrDefault("volumes", List.of())) {
                String[] parts = interpolate(v.toString(), variables).split(":");
                volumes.put(parts[1], parts[0]);
            }
            compose.services.put(name, new Service(name, interpolate(String.valueOf(s.get("image")), variables),
                    env, ports, volumes));
        });
        return compose;
    }

    Service service(String name) {
        Service s = services.get(name);
        if (s == null) {
            throw new AssertionError("no service " + name + " in the compose file, only " + services.keySet());
        }
        return s;
    }

    Map<String, Service> services() {
        return services;
    }

    /** The {@code KEY=VALUE} lines of an {@code .env} file (comments and blank lines skipped). */
    static Map<String, String> readEnvFile(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    String[] kv = l.split("=", 2);
                    values.put(kv[0].strip(), kv.length > 1 ? kv[1].strip() : "");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    static String interpolate(String value, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(resolve(m, variables)));
        }
        return m.appendTail(out).toString();
    }

    private static String resolve(Matcher m, Map<String, String> variables) {
        if (m.group().equals("$$")) {
            return "$";
        }
        String name = m.group(1) != null ? m.group(1) : m.group(4);
        String value = variables.get(name);
        String op = m.group(2);
        if (op == null) {
            return value == null ? "" : value;
        }
        boolean missing = value == null || (op.startsWith(":") && value.isEmpty());
        if (!missing) {
            return value;
        }
        if (op.endsWith("?")) {
            throw new AssertionError("compose refuses to start: " + name + ": " + m.group(3));
        }
        return interpolate(m.group(3), variables);
    }
}
