package io.portus.importer;

import io.portus.it.ItPaths;
import io.portus.it.PortusProcess;
import io.portus.support.TestDatabases.Vendor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The move end to end: {@code java -jar target/portus.jar import-portus …} reads a Portus 2.4 database on this
 * machine's MariaDB (password from a file) into the default H2 database of a data directory, then the server
 * starts on that directory and the imported user gets a registry token with the old password and with the old
 * application token.
 */
class ImportPortusIT {

    @Test
    void importThenServe() throws Exception {
        PortusDatabase portus = PortusDatabase.create(Vendor.MARIADB, "2.4", "it" + Long.toString(System.nanoTime() % 100000, 36));
        Path dataDir = ItPaths.newWorkDir("import-portus");
        Path passwordFile = Files.writeString(dataDir.resolve("source-password"), portus.db.password() + "\n");

        Verb dry = verb(dataDir, "import-portus", "--url", portus.db.url(), "--username", portus.db.username(),
                "--password-file", passwordFile.toString(), "--dry-run", "--format", "json");
        assertThat(dry.exit()).as(dry.stderr()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(dry.stdout());
        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("sourceVersion").asString()).isEqualTo("2.4");

        Verb real = verb(dataDir, "import-portus", "--url", portus.db.url(), "--username", portus.db.username(),
                "--password-file", passwordFile.toString());
        assertThat(real.exit()).as(real.stderr()).isZero();
        assertThat(real.stdout()).contains("Imported a Portus 2.4 database.").containsPattern("users\\s+4\\s+1\\s+1")
                .contains("users #4 (" + portus.prefix + "carol): the password hash is not bcrypt");

        try (PortusProcess server = PortusProcess.builder("import-portus").dataDir(dataDir).start()) {
            String alice = portus.prefix + "alice";
            assertThat(token(server, alice, PortusDatabase.PASSWORD)).isEqualTo(200);
            assertThat(token(server, alice, portus.token)).isEqualTo(200);
            assertThat(token(server, alice, "not-the-password")).isEqualTo(401);
        }
    }

    private static int token(PortusProcess server, String user, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve("/v2/token?account=" + user))
                .header("Authorization", "Basic " + basic).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Verb verb(Path dataDir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ItPaths.jar().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PORTUS_DATA_DIR", dataDir.toString());
        Path out = dataDir.resolve("verb.out");
        Path err = dataDir.resolve("verb.err");
        Process process = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int exit = process.waitFor();
        return new Verb(exit, Files.readString(out), Files.readString(err));
    }

    private record Verb(int exit, String stdout, String stderr) {
    }
}
