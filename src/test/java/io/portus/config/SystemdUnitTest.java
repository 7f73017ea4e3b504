package io.portus.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

/**
 * deploy/systemd: {@code systemd-analyze verify} finds nothing to say about the unit (when systemd is installed),
 * the unit has the hardening issue #13 asks for and stops no sooner than the graceful shutdown its environment
 * file sets, and every variable of the environment file (examples in comments too) is one the application reads.
 */
class SystemdUnitTest {

    static final Path UNIT = Path.of("deploy/systemd/portus.service");
    static final Path ENV = Path.of("deploy/systemd/portus.env");

    @Test
    void systemdAcceptsTheUnit() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed");
        Process p = new ProcessBuilder(analyze.toString(), "verify", "--man=no", UNIT.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output.lines().filter(l -> l.contains("portus.service"))).as(output).isEmpty();
    }

    @Test
    void hardened() throws IOException {
        Map<String, List<String>> service = section("Service");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("DynamicUser", "yes");
        expected.put("ProtectSystem", "strict");
        expected.put("StateDirectory", "portus");
        expected.put("PrivateTmp", "yes");
        expected.put("NoNewPrivileges", "yes");
        expected.put("CapabilityBoundingSet", "");
        expected.put("AmbientCapabilities", "");
        expected.put("RestrictAddressFamilies", "AF_INET AF_INET6 AF_UNIX");
        expected.put("SystemCallFilter", "@system-service");
        expected.forEach((key, value) -> assertThat(service.get(key)).as(key).containsExactly(value));
        assertThat(service).as("the JIT needs writable executable memory").doesNotContainKey("MemoryDenyWriteExecute");
        assertThat(service.get("Environment")).contains("PORTUS_DATA_DIR=/var/lib/portus");
        assertThat(service.get("EnvironmentFile")).containsExactly("/etc/portus/portus.env");
        assertThat(service.get("ExecStart").getFirst()).contains("-jar /opt/portus/portus.jar");
    }

    @Test
    void stopsNoSoonerThanTheGracefulShutdown() throws IOException {
        Duration timeoutStop = DurationStyle.detectAndParse(section("Service").get("TimeoutStopSec").getFirst());
        Duration shutdown = DurationStyle.detectAndParse(variables(false).get("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE"));
        assertThat(timeoutStop).isGreaterThan(shutdown.plusSeconds(5));
        assertThat(section("Service").get("SuccessExitStatus")).as("the JVM's exit on SIGTERM").containsExactly("143");
    }

    @Test
    void everyVariableOfTheEnvironmentFileIsRead() throws IOException {
        Map<String, String> all = variables(true);
        assertThat(all).containsKeys("PORTUS_SECRET_KEY_BASE", "PORTUS_MACHINE_FQDN", "MARIADB_HOST", "PUMA_SSL_KEY");
        assertThat(ApplicationVariables.get().unread(all.keySet())).isEmpty();
        List<String> section = new ArrayList<>();
        section("Service").getOrDefault("Environment", List.of()).forEach(e -> section.add(e.split("=", 2)[0]));
        assertThat(ApplicationVariables.get().unread(section)).isEmpty();
    }

    /** The {@code KEY=VALUE} lines of the environment file; with {@code examples}, also the commented {@code #KEY=VALUE} ones. */
    private static Map<String, String> variables(boolean examples) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ENV)) {
            String l = examples && line.matches("#[A-Z][A-Z0-9_]*=.*") ? line.substring(1) : line;
            if (l.matches("[A-Z][A-Z0-9_]*=.*")) {
                values.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1));
            }
        }
        return values;
    }

    /** The keys of one section of the unit, each with its values in order. */
    private static Map<String, List<String>> section(String name) throws IOException {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        String current = null;
        for (String line : Files.readAllLines(UNIT)) {
            String l = line.strip();
            if (l.startsWith("[")) {
                current = l.substring(1, l.length() - 1);
            } else if (name.equals(current) && !l.isEmpty() && !l.startsWith("#") && l.contains("=")) {
                keys.computeIfAbsent(l.substring(0, l.indexOf('=')), k -> new ArrayList<>()).add(l.substring(l.indexOf('=') + 1));
            }
        }
        return keys;
    }
}
