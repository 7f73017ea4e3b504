package io.portus.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import io.portus.storage.RegistryStorage.Blob;
import io.portus.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs every {@link DefaultRegistryStorage} test against the in-memory and the filesystem driver. */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"inmemory", "filesystem"})
abstract class RegistryStorageTestBase {

    static final RepositoryName REPO = new RepositoryName("team/app");
    static final RepositoryName OTHER = new RepositoryName("other");

    @Parameter
    String driver;

    @TempDir
    Path dir;

    MutableClock clock;
    BlobStore store;
    DefaultRegistryStorage storage;

    @BeforeEach
    void setUp() throws IOException {
        clock = new MutableClock(Instant.now());
        store = driver.equals("filesystem") ? new FilesystemBlobStore(dir) : new InMemoryBlobStore(clock);
        storage = new DefaultRegistryStorage(store, clock);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    Blob push(RepositoryName repo, byte[] content) throws IOException {
        var session = storage.startUpload(repo);
        storage.appendUpload(repo, session.id(), new ByteArrayInputStream(content));
        return storage.commitUpload(repo, session.id(), Digest.sha256(content));
    }

    static byte[] read(Blob blob, long offset) throws IOException {
        try (InputStream in = blob.open(offset)) {
            return in.readAllBytes();
        }
    }
}
