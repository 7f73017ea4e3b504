package io.portus.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.portus.storage.RegistryStorage.Blob;
import io.portus.support.MutableClock;
import io.portus.support.S3Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs every {@link DefaultRegistryStorage} test against the in-memory, the filesystem and the S3 driver. */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"inmemory", "filesystem", "s3"})
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

    /** One bucket per test class on the shared S3 server; each test gets its own root directory in it. */
    private static final Map<Class<?>, String> BUCKETS = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() throws IOException {
        clock = new MutableClock(Instant.now());
        store = switch (driver) {
            case "filesystem" -> new FilesystemBlobStore(dir);
            case "s3" -> S3Stores.fresh(BUCKETS.computeIfAbsent(getClass(), c -> S3Server.shared().newBucket(c)));
            default -> new InMemoryBlobStore(clock);
        };
        storage = new DefaultRegistryStorage(store, clock);
    }

    @AfterEach
    void closeStore() {
        if (store instanceof S3BlobStore s3) {
            s3.close();
        }
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
