package io.portus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.portus.config.ApplicationVariables;
import io.portus.support.TestDatabases;
import io.portus.support.TestDatabases.Vendor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The documented deployments are the tested ones (issue #13): deploy/compose.yaml and deploy/compose-single.yaml
 * are read with deploy/.env.example (its empty secrets filled with random values, its ports set to free ones),
 * and the jar, Debian's distribution 2.8 and this machine's MariaDB are started with exactly the environment the
 * files give their services, only host names, ports and paths rewritten ({@link ComposeOnThisMachine}). The
 * certificate comes from deploy/make-certificate.sh, as the README says. Through each: log in, push and pull
 * busybox with skopeo, and the catalog shows the push (for compose.yaml: distribution's notification reached
 * Portus). Every variable given to Portus is one it reads, and its log names none as unknown; distribution's log
 * names none of its variables as unrecognized.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComposeDeploymentIT {

    static final Path DEPLOY = Path.of("deploy");
    static final String PASSWORD = "compose-password-1";
    /** The configuration the registry:2.8 image bakes in (/etc/docker/registry/config.yml); compose's variables go on top. */
    static final String REGISTRY_IMAGE_CONFIG = """
            version: 0.1
            log:
              fields:
                service: registry
            storage:
              cache:
                blobdescriptor: inmemory
              filesystem:
                rootdirectory: /var/lib/registry
            http:
              addr: :5000
              headers:
                X-Content-Type-Options: [nosniff]
            health:
              storagedriver:
                enabled: true
                interval: 10s
                threshold: 3
            """;

    Path work;
    Path certs;
    TestImages images;

    @BeforeAll
    void certificate() {
        images = TestImages.get("busybox");
        work = ItPaths.newWorkDir("compose");
        certs = work.resolve("certs");
        Tools.run(null, List.of("sh", DEPLOY.resolve("make-certificate.sh").toString(), "-d", certs.toString()));
    }

    @Test
    void classicComposeWithDistributionAndMariadb() throws Exception {
        Map<String, String> variables = variables();
        ComposeFile compose = ComposeFile.read(DEPLOY.resolve("compose.yaml"), variables);
        assertThat(compose.service("portus").image()).isEqualTo("portus-jvm:latest");
        assertThat(compose.service("registry").image()).isEqualTo("registry:2.8");
        assertThat(compose.service("db").image()).startsWith("mariadb:");
        String suffix = ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
        String database = "portus_test_compose_" + suffix;
        String user = "portus_it_" + suffix;
        TestDatabases.Server mariadb = TestDatabases.server(Vendor.MARIADB);
        ComposeOnThisMachine machine = new ComposeOnThisMachine(compose)
                .mariadb(mariadb.host(), mariadb.port(), database, user)
                .mount("/certs", certs).mount("/data", work.resolve("portus-data"))
                .mount("/var/lib/registry", work.resolve("registry-data"));
        Map<String, String> portusEnv = machine.environment("portus");
        assertThat(portusEnv.get("MARIADB_PASSWORD")).isEqualTo(variables.get("MARIADB_PASSWORD"));
        TestDatabases.admin(Vendor.MARIADB, "CREATE DATABASE " + database);
        TestDatabases.admin(Vendor.MARIADB, "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + portusEnv.get("MARIADB_PASSWORD") + "'");
        TestDatabases.admin(Vendor.MARIADB, "GRANT ALL ON " + database + ".* TO '" + user + "'@'%'");
        int portusPort = machine.published("portus", 5000);
        int registryPort = machine.published("registry", 5000);
        try (ServerProcess portus = portus("compose-portus", portusEnv, portusPort);
             ServerProcess registry = distribution(machine.environment("registry"), registryPort)) {
            CatalogApi api = new CatalogApi("https://127.0.0.1:" + portusPort);
            api.bootstrap("admin", PASSWORD);
            api.createUser("alice", PASSWORD, false);
            String clientsUse = machine.environment("registry").get("REGISTRY_AUTH_TOKEN_SERVICE");
            CatalogApi.check(api.send("POST", "/api/v1/registries", api.admin, Map.of("registry", Map.of("name", "registry",
                    "hostname", "127.0.0.1:" + registryPort, "use_ssl", true, "external_hostname", clientsUse))), 201);

            pushAndPull(clientsUse);
            JsonNode tags = api.awaitRepository("alice/busybox", t -> t.size() == 1);
            assertThat(tags.get(0).path("author").path("name").asString())
                    .as("only the registry's notification knows who pushed").isEqualTo("alice");
            assertUnderstood(portusEnv, portus);
            assertThat(registry.logTail(100_000)).as("distribution reads every REGISTRY_* variable it is given")
                    .doesNotContain("Ignoring unrecognized environment variable");
        } finally {
            TestDatabases.admin(Vendor.MARIADB, "DROP DATABASE IF EXISTS " + database);
            TestDatabases.admin(Vendor.MARIADB, "DROP USER IF EXISTS '" + user + "'@'%'");
        }
    }

    @Test
    void singleComposeIsTheJarAlone() throws Exception {
        ComposeFile compose = ComposeFile.read(DEPLOY.resolve("compose-single.yaml"), variables());
        assertThat(compose.services().keySet()).containsExactly("portus");
        assertThat(compose.service("portus").image()).isEqualTo("portus-jvm:latest");
        ComposeOnThisMachine machine = new ComposeOnThisMachine(compose)
                .mount("/certs", certs).mount("/data", work.resolve("single-data"));
        Map<String, String> env = machine.environment("portus");
        int port = machine.published("portus", 5000);
        try (ServerProcess portus = portus("compose-single", env, port)) {
            CatalogApi api = new CatalogApi("https://127.0.0.1:" + port);
            for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
                assertThat(api.send("GET", probe, null, null).status()).as(probe + " (the Kubernetes probes)").isEqualTo(200);
            }
            api.bootstrap("admin", PASSWORD);
            api.createUser("alice", PASSWORD, false);
            pushAndPull(env.get("REGISTRY_AUTH_TOKEN_SERVICE"));
            JsonNode tags = api.awaitRepository("alice/busybox", t -> t.size() == 1);
            assertThat(tags.get(0).path("author").path("name").asString()).isEqualTo("alice");
            assertThat(work.resolve("single-data/db")).as("H2 in the /data volume").isDirectory();
            assertThat(work.resolve("single-data/registry/docker/registry/v2/repositories/alice/busybox"))
                    .as("blobs in the /data volume").isDirectory();
            assertUnderstood(env, portus);
        }
    }

    /** The .env.example values, with its empty secrets filled and its ports set to free ones. */
    private Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>(ComposeFile.readEnvFile(DEPLOY.resolve(".env.example")));
        variables.replaceAll((name, value) -> value.isEmpty() ? random() : value);
        variables.put("PORTUS_PORT", Integer.toString(FreePorts.next()));
        variables.put("REGISTRY_PORT", Integer.toString(FreePorts.next()));
        return variables;
    }

    private void pushAndPull(String registry) throws Exception {
        Path authFile = work.resolve("auth-" + System.nanoTime() + ".json");
        Skopeo skopeo = new Skopeo(work.resolve("skopeo-" + System.nanoTime()));
        Skopeo.Result login = skopeo.run(List.of("login", "--tls-verify=false", "--authfile", authFile.toString(),
                "-u", "alice", "-p", PASSWORD, registry));
        assertThat(login.ok()).as(login.describe()).isTrue();
        Skopeo alice = skopeo.withCreds("alice:" + PASSWORD);
        String ref = "docker://" + registry + "/alice/busybox:latest";
        assertThat(alice.copy(images.ref("busybox"), ref)).isEqualTo(images.digest("busybox"));
        Path pulled = work.resolve("pulled-" + System.nanoTime());
        alice.copy(ref, "oci:" + pulled + ":latest");
        assertThat(Json.parse(Files.readAllBytes(pulled.resolve("index.json"))).path("manifests").get(0)
                .path("digest").asString()).isEqualTo(images.digest("busybox"));
    }

    /** Every variable compose gives Portus is one it reads, and it warned about none at start-up. */
    private static void assertUnderstood(Map<String, String> env, ServerProcess portus) {
        assertThat(ApplicationVariables.get().unread(env.keySet())).as("variables the application does not read").isEmpty();
        assertThat(portus.logTail(100_000)).doesNotContain("is not a setting of this server");
    }

    private ServerProcess portus(String name, Map<String, String> env, int port) {
        ServerProcess portus = new ServerProcess(name, List.of(PortusProcess.javaExecutable(), "-Xmx512m",
                "-XX:+UseSerialGC", "-jar", ItPaths.jar().toString()), env, work, port, true, Duration.ofSeconds(120));
        portus.start();
        return portus;
    }

    private ServerProcess distribution(Map<String, String> env, int port) throws Exception {
        Path config = work.resolve("registry-image-config.yml");
        Files.writeString(config, REGISTRY_IMAGE_CONFIG);
        Files.createDirectories(work.resolve("registry-data"));
        ServerProcess registry = new ServerProcess("compose-registry", List.of(
                Tools.require("docker-registry", "docker-registry").toString(), "serve", config.toString()),
                env, work, port, true, Duration.ofSeconds(30));
        registry.start();
        return registry;
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
