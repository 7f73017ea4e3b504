package io.portus.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.portus.support.TestDatabases;

/**
 * Two jars, A and B, set up as docs/deployment.md says several instances must be: one fresh PostgreSQL
 * database, one shared storage, the same PORTUS_SECRET_KEY_BASE, signing key and certificate,
 * PORTUS_MACHINE_FQDN, REGISTRY_AUTH_TOKEN_SERVICE (the balancer's address) and webhooks secret; and a real
 * HAProxy in front of them running {@code docs/deployment/haproxy.cfg} as it is.
 *
 * <p>The storage is a parameter: {@code -Dportus.test.multi.storage=filesystem} (default: one directory both
 * instances use) or {@code s3} (a fresh bucket of the tests' S3 server, {@code io.portus.support.S3Server},
 * with distribution's {@code REGISTRY_STORAGE_S3_*} variables; needs the S3 driver and that test server).
 */
final class MultiInstances implements AutoCloseable {

    static final String SECRET_KEY_BASE = "multi-instance-it-" + "0123456789abcdef".repeat(8);
    static final String WEBHOOKS_SECRET = "multi-instance-webhooks-secret";
    static final String PORTUS_PASSWORD = "multi-instance-portus-password";

    final Path work = ItPaths.newWorkDir("multi-instance");
    final int balancerPort = FreePorts.next();
    final TestDatabases.Db db = TestDatabases.fresh(TestDatabases.Vendor.POSTGRESQL);
    final PortusProcess a;
    final PortusProcess b;
    final ServerProcess haproxy;

    /**
     * Starts B, then A, then HAProxy; {@code extra} goes to both instances. B starts first, so B holds the job
     * leases (start-up sync, event worker, outboxes): whatever A acknowledges must reach the database before
     * A answers, or B never sees it.
     */
    MultiInstances(Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_DATASOURCE_URL", db.url());
        env.put("SPRING_DATASOURCE_USERNAME", db.username());
        env.put("SPRING_DATASOURCE_PASSWORD", db.password());
        env.put("PORTUS_SECRET_KEY_BASE", SECRET_KEY_BASE);
        Path key = work.resolve("key.pem");
        Path cert = work.resolve("cert.pem");
        Tools.require("openssl", "openssl");
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out",
                cert.toString(), "-days", "2", "-subj", "/CN=portus-multi-instance-it"));
        env.put("PORTUS_ENCRYPTION_PRIVATE_KEY_PATH", key.toString());
        env.put("PORTUS_ENCRYPTION_CERTIFICATE_PATH", cert.toString());
        env.put("PORTUS_MACHINE_FQDN", "127.0.0.1");
        env.put("REGISTRY_AUTH_TOKEN_SERVICE", "127.0.0.1:" + balancerPort);
        env.put("PORTUS_PORTUS_PASSWORD", PORTUS_PASSWORD);
        env.put("PORTUS_WEBHOOKS_SECRET", WEBHOOKS_SECRET);
        env.put("SERVER_FORWARD_HEADERS_STRATEGY", "native");
        env.putAll(storage());
        env.putAll(extra);
        b = start("multi-b", env);
        a = start("multi-a", env);
        haproxy = startBalancer();
    }

    private static PortusProcess start(String name, Map<String, String> env) {
        PortusProcess.Builder builder = PortusProcess.builder(name).auth("token");
        env.forEach(builder::env);
        return builder.start();
    }

    private ServerProcess startBalancer() {
        Tools.require("haproxy", "haproxy");
        Path config = ItPaths.target().getParent().resolve("docs/deployment/haproxy.cfg");
        ServerProcess p = new ServerProcess("multi-haproxy", List.of(haproxyBinary(), "-db", "-f", config.toString()),
                Map.of("PORTUS_LB_BIND", "127.0.0.1:" + balancerPort, "PORTUS_A", a.hostPort(), "PORTUS_B", b.hostPort()),
                work, balancerPort, false, Duration.ofSeconds(30));
        p.start();
        return p;
    }

    private static String haproxyBinary() {
        return Files.isExecutable(Path.of("/usr/sbin/haproxy")) ? "/usr/sbin/haproxy" : "haproxy";
    }

    /** The environment that makes both instances use one storage. */
    private Map<String, String> storage() {
        String kind = System.getProperty("portus.test.multi.storage",
                System.getenv().getOrDefault("PORTUS_TEST_MULTI_STORAGE", "filesystem")).strip().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "filesystem" -> Map.of("REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY",
                    ItPaths.mkdirs(work.resolve("shared-storage")).toString());
            case "s3" -> s3();
            default -> throw new IllegalArgumentException("portus.test.multi.storage must be filesystem or s3, not " + kind);
        };
    }

    /** distribution's S3 variables for a fresh bucket of the JVM's S3 test server (looked up by name: it lives on the S3 branch). */
    private static Map<String, String> s3() {
        try {
            Class<?> type = Class.forName("io.portus.support.S3Server");
            Object server = type.getMethod("shared").invoke(null);
            String bucket = (String) type.getMethod("newBucket", Class.class).invoke(server, MultiInstanceIT.class);
            Map<String, String> env = new LinkedHashMap<>();
            env.put("REGISTRY_STORAGE", "s3");
            env.put("REGISTRY_STORAGE_S3_REGIONENDPOINT", type.getMethod("endpoint").invoke(server).toString());
            env.put("REGISTRY_STORAGE_S3_BUCKET", bucket);
            env.put("REGISTRY_STORAGE_S3_REGION", (String) type.getMethod("region").invoke(server));
            env.put("REGISTRY_STORAGE_S3_ACCESSKEY", (String) type.getMethod("accessKey").invoke(server));
            env.put("REGISTRY_STORAGE_S3_SECRETKEY", (String) type.getMethod("secretKey").invoke(server));
            env.put("REGISTRY_STORAGE_S3_FORCEPATHSTYLE", "true");
            env.put("REGISTRY_STORAGE_S3_SECURE", "false");
            return env;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("portus.test.multi.storage=s3 needs io.portus.support.S3Server: " + e, e);
        }
    }

    /** {@code http://127.0.0.1:<balancer port>}. */
    URI balancer() {
        return haproxy.baseUri();
    }

    /** The balancer's host:port, which is also the built-in registry's token service. */
    String service() {
        return haproxy.hostPort();
    }

    /** How often {@code text} occurs in the logs of both instances (every start of each). */
    long logCount(String text) {
        return logCount("multi-[ab]", text);
    }

    /** How often {@code text} occurs in the logs of the instances whose name matches {@code instance} (a regex). */
    long logCount(String instance, String text) {
        long n = 0;
        try (var files = Files.list(ItPaths.logDir())) {
            for (Path log : files.filter(p -> p.getFileName().toString().matches(instance + "-" + ProcessHandle.current().pid() + "-\\d+\\.log")).toList()) {
                n += Files.readAllLines(log).stream().filter(line -> line.contains(text)).count();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    private void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("openssl.log").toFile()).start();
            if (p.waitFor() != 0) {
                throw new AssertionError(command + " failed: " + Files.readString(work.resolve("openssl.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    @Override
    public void close() {
        Closer.closeAll(haproxy, b, a);
    }

    /** One number from the shared database. */
    long count(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e, e);
        }
    }

    /** Polls {@code condition} until true, at most 90 s. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 90 s: " + what);
            }
            ServerProcess.sleep(200);
        }
    }
}
