package io.portus.registry;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real application on a random port, open registry ({@code portus.registry.auth=none}), data directory
 * (embedded database) and storage in a fresh temporary directory per test class, so concurrent builds on
 * one machine never share a database file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portus.registry.auth=none")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class RegistryTestBase {

    @TempDir
    static Path storageRoot;

    @TempDir
    static Path dataDir;

    @LocalServerPort
    int port;

    RegistryClient client;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("portus.data-dir", () -> dataDir.toString());
        registry.add("portus.registry.storage.root", () -> storageRoot.toString());
    }

    @BeforeEach
    void client() {
        client = new RegistryClient(port);
    }
}
