package io.portus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The container image, built as {@code ./portus image --base debian} builds it (src/main/image/build.sh: a minimal
 * Debian made by mmdebstrap, a jlinked runtime, the jar in layers), inspected with skopeo, and run with buildah:
 * {@code /v2/} asks for a Bearer token, skopeo pushes and pulls busybox through the token flow, and a new container
 * on the same {@code /data} still serves what was pushed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageIT {

    static final String PASSWORD = "image-it-password";

    Path archive;
    JsonNode config;
    Path work;
    Path data;
    ImageContainer containers;
    ServerProcess running;
    Skopeo skopeo;
    String pushedDigest;

    @BeforeAll
    void build() throws Exception {
        Tools.require("skopeo", "skopeo");
        Tools.require("mmdebstrap", "mmdebstrap");
        work = ItPaths.newWorkDir("image");
        archive = buildImage(work.resolve("build.log"));
        config = Json.parse(new Skopeo(work.resolve("skopeo-inspect")).run(
                List.of("inspect", "--config", "oci-archive:" + archive)).stdout());
        data = ItPaths.mkdirs(work.resolve("data"));
        Files.setAttribute(data, "unix:uid", 1000);
        Files.setAttribute(data, "unix:gid", 1000);
        containers = new ImageContainer(work.resolve("storage"));
        skopeo = new Skopeo(work.resolve("skopeo")).withCreds("admin:" + PASSWORD);
    }

    @AfterAll
    void stop() {
        if (running != null) {
            running.close();
        }
        if (containers != null) {
            containers.removeAll();
        }
    }

    @Test
    @Order(1)
    void imageRunsAsANonRootUserWithPortVolumeLabelsAndEntrypoint() throws IOException {
        JsonNode c = config.path("config");
        assertThat(c.path("User").asString()).isEqualTo("1000:1000");
        assertThat(c.path("ExposedPorts").has("5000/tcp")).isTrue();
        assertThat(c.path("Volumes").has("/data")).isTrue();
        assertThat(strings(c.path("Env"))).contains("PORTUS_DATA_DIR=/data");
        // the class-data cache of build.sh's training run (aot.sh): an AOT cache for the Java 25+ runtime jlinked from
        // this JVM, a dynamic CDS archive for older ones (build.sh checked that the JVM maps it with AOTMode=on)
        String cache = Runtime.version().feature() >= 25 ? "-XX:AOTCache=/app/portus.aot"
                : "-XX:SharedArchiveFile=/app/portus.jsa";
        assertThat(strings(c.path("Entrypoint"))).startsWith("java", cache).endsWith("-jar", "/app/portus.jar");
        JsonNode labels = c.path("Labels");
        assertThat(labels.path("org.opencontainers.image.version").asString()).isEqualTo(projectVersion());
        assertThat(labels.path("org.opencontainers.image.revision").asString()).matches("[0-9a-f]{40}|unknown");
        assertThat(labels.path("org.opencontainers.image.created").asString())
                .isEqualTo(config.path("created").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(labels.path("org.opencontainers.image.licenses").asString()).isNotBlank();
        assertThat(labels.path("org.opencontainers.image.source").asString()).isNotBlank();
        long bytes = Files.size(archive);
        assertThat(bytes).as("archive size (a JVM and the application, compressed)")
                .isBetween(40L << 20, 200L << 20);
    }

    @Test
    @Order(2)
    void runningImageAsksForATokenAndServesPushesAndPulls() throws Exception {
        running = start("image-run-1");
        HttpResponse<Void> v2 = Http.client(false).send(HttpRequest.newBuilder(running.baseUri().resolve("/v2/"))
                .GET().build(), HttpResponse.BodyHandlers.discarding());
        assertThat(v2.statusCode()).isEqualTo(401);
        assertThat(v2.headers().firstValue("WWW-Authenticate")).get().asString()
                .startsWith("Bearer realm=\"http://127.0.0.1:" + running.port() + "/v2/token\"");
        new CatalogApi(running.baseUri().toString()).bootstrap("admin", PASSWORD);
        TestImages images = TestImages.get("busybox");
        pushedDigest = skopeo.copy(images.ref("busybox"), dest("lib/busybox:1.0"));
        assertThat(pushedDigest).isEqualTo(images.digest("busybox"));
        assertThat(skopeo.inspectDigest(dest("lib/busybox:1.0"))).isEqualTo(pushedDigest);
        skopeo.copy(dest("lib/busybox:1.0"), "oci:" + work.resolve("pulled-1") + ":busybox");
        assertThat(Files.list(work.resolve("pulled-1/blobs/sha256")).count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(3)
    void aNewContainerOnTheSameDataStillServesThePushedImage() {
        running.stop();
        running = start("image-run-2");
        assertThat(skopeo.inspectDigest(dest("lib/busybox:1.0"))).isEqualTo(pushedDigest);
        skopeo.copy(dest("lib/busybox:1.0"), "oci:" + work.resolve("pulled-2") + ":busybox");
        assertThat(skopeo.listTags("docker://" + running.hostPort() + "/lib/busybox")).containsExactly("1.0");
    }

    private ServerProcess start(String name) {
        List<String> entrypoint = strings(config.path("config").path("Entrypoint"));
        return containers.start(name, archive, entrypoint, data, Map.of("PORTUS_MACHINE_FQDN", "127.0.0.1"));
    }

    private String dest(String ref) {
        return "docker://" + running.hostPort() + "/" + ref;
    }

    /** Runs src/main/image/build.sh --base debian with the JDK of this JVM; returns target/portus-image.tar. */
    private static Path buildImage(Path log) throws Exception {
        Path project = ItPaths.target().getParent();
        ProcessBuilder pb = new ProcessBuilder("src/main/image/build.sh", "--base", "debian")
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("image build took more than 15 minutes; log " + log);
        }
        assertThat(p.exitValue()).as("build.sh exit; log:\n" + Files.readString(log)).isZero();
        return ItPaths.target().resolve("portus-image.tar");
    }

    private static String projectVersion() throws IOException {
        try (ZipFile jar = new ZipFile(ItPaths.jar().toFile())) {
            var props = new java.util.Properties();
            props.load(jar.getInputStream(jar.getEntry("META-INF/maven/io.portus/portus/pom.properties")));
            return props.getProperty("version");
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
