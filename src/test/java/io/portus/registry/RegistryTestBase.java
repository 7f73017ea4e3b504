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
 * The real application on a random port, open registry ({@code portus.registry.auth=none}), storage in a
 * fresh temporary directory per test class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portus.registry.auth=none", "portus.data-dir=${java.io.tmpdir}/portus-registry-tests"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class RegistryTestBase {

    @TempDir
    static Path storageRoot;

    @LocalServerPort
    int port;

    RegistryClient client;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("portus.registry.storage.root", () -> storageRoot.toString());
    }

    @BeforeEach
    void client() {
        client = new RegistryClient(port);
    }
}
