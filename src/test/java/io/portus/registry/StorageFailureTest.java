package io.portus.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When the storage itself fails the answer is 500 UNKNOWN in the JSON envelope, without internals. */
class StorageFailureTest extends RegistryTestBase {

    @Test
    void brokenStorageGives500UnknownWithoutStackTrace() throws IOException {
        try (Stream<java.nio.file.Path> files = Files.walk(storageRoot)) {
            files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(storageRoot)).forEach(p -> p.toFile().delete());
        }
        Files.delete(storageRoot);
        Files.writeString(storageRoot, "not a directory");
        try {
            Response r = RawHttp.send(port, "POST /v2/broken/app/blobs/uploads/ HTTP/1.1\r\nContent-Length: 0");
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.header("Docker-Distribution-API-Version")).isEqualTo("registry/2.0");
            assertThat(r.errorCode()).isEqualTo("UNKNOWN");
            assertThat(r.text()).doesNotContain("Exception").doesNotContain("io.portus").doesNotContain(storageRoot.toString());
        } finally {
            Files.delete(storageRoot);
            Files.createDirectory(storageRoot);
        }
    }
}
