package io.portus.registry;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real application, open registry, storage on the tests' S3 server (its own bucket per test class);
 * the database in a fresh temporary directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portus.registry.auth=none", "portus.registry.storage.driver=s3"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class S3RegistryTestBase {

    @TempDir
    static Path dataDir;

    @LocalServerPort
    int port;

    RegistryClient client;

    /** The S3 settings of a test class: the shared server, a new bucket ({@link S3Suite#storage}). */
    static String s3(DynamicPropertyRegistry registry, Class<?> owner) {
        registry.add("portus.data-dir", () -> dataDir.toString());
        return S3Suite.storage(registry, owner);
    }

    @BeforeEach
    void client() {
        client = new RegistryClient(port);
    }

    /** A GET outside the registry (health endpoints), status and body only. */
    static Response plainGet(int port, String path) {
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
