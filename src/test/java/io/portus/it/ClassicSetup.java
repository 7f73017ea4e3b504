package io.portus.it;

import io.portus.support.TestDatabases;
import io.portus.support.TestDatabases.Vendor;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classic two-container deployment on loopback (docs/operator-guide.md#the-classic-deployment-with-cncf-distribution):
 * one self-signed certificate (openssl, RSA 4096, CN=localhost, CA:true, SAN localhost + 127.0.0.1) that is at once Portus's HTTPS
 * certificate, its token signing key and the registry's {@code rootcertbundle}; a fresh MariaDB database;
 * {@code target/portus.jar} started with the classic environment variables and serving HTTPS; CNCF
 * distribution 2.8 with token auth pointing at Portus's {@code /v2/token}.
 */
final class ClassicSetup implements AutoCloseable {

    static final String FQDN = "127.0.0.1";

    final Path work;
    final Path key;
    final Path certificate;
    final String database;
    final String portusPassword = random();
    final int portusPort = FreePorts.next();
    private final ServerProcess portus;
    private DistributionProcess distribution;

    ClassicSetup(String name) {
        work = ItPaths.newWorkDir(name);
        key = work.resolve("server-key.pem");
        certificate = work.resolve("server-crt.pem");
        run(List.of("openssl", "req", "-x509", "-nodes", "-newkey", "rsa:4096", "-days", "30", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-addext", "basicConstraints=critical,CA:true",
                "-keyout", key.toString(), "-out", certificate.toString()));
        database = "portus_it_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
        TestDatabases.admin(Vendor.MARIADB, "CREATE DATABASE " + database);
        TestDatabases.Server mariadb = TestDatabases.server(Vendor.MARIADB);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PUMA_IP", "127.0.0.1");
        env.put("PUMA_PORT", Integer.toString(portusPort));
        env.put("PUMA_SSL_KEY", key.toString());
        env.put("PUMA_SSL_CRT", certificate.toString());
        env.put("PORTUS_MACHINE_FQDN", FQDN);
        env.put("PORTUS_DELETE_ENABLED", "true");
        env.put("PORTUS_SECRET_KEY_BASE", random() + random());
        env.put("PORTUS_ENCRYPTION_PRIVATE_KEY_PATH", key.toString());
        env.put("PORTUS_PORTUS_PASSWORD", portusPassword);
        env.put("MARIADB_HOST", mariadb.host());
        env.put("MARIADB_PORT", Integer.toString(mariadb.port()));
        env.put("MARIADB_USER", "root");
        env.put("MARIADB_PASSWORD", "");
        env.put("MARIADB_DATABASE", database);
        env.put("PORTUS_DATA_DIR", work.resolve("data").toString());
        portus = new ServerProcess(name + "-portus", List.of(PortusProcess.javaExecutable(), "-Xmx768m",
                "-XX:+UseSerialGC", "-jar", ItPaths.jar().toString()), env, work,
                portusPort, true, java.time.Duration.ofSeconds(120));
        portus.start();
    }

    /** Starts distribution 2.8 (HTTPS with the one certificate) trusting Portus's tokens. */
    DistributionProcess startDistribution() {
        distribution = DistributionProcess.builder("classic-distribution", work.resolve("registry"))
                .tls(certificate, key)
                .tokenAuth(portusBase() + "/v2/token", null, FQDN, certificate)
                .start();
        return distribution;
    }

    String portusBase() {
        return "https://127.0.0.1:" + portusPort;
    }

    /** The built-in registry's service: {@code <machine fqdn>:<port>}. */
    String builtInService() {
        return FQDN + ":" + portusPort;
    }

    String portusLog() {
        return portus.logTail(60);
    }

    @Override
    public void close() {
        if (distribution != null) {
            distribution.close();
        }
        portus.stop();
        try {
            TestDatabases.admin(Vendor.MARIADB, "DROP DATABASE IF EXISTS " + database);
        } catch (RuntimeException e) {
            // the database is left behind; nothing else depends on it
        }
    }

    private static String random() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static void run(List<String> command) {
        Tools.require(command.getFirst(), command.getFirst());
        Tools.run(null, command);
    }
}
