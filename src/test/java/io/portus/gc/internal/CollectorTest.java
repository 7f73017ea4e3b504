package io.portus.gc.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.portus.storage.BlobStore;
import io.portus.storage.FilesystemBlobStore;
import io.portus.storage.S3BlobStore;
import io.portus.storage.S3Options;
import io.portus.support.OnDatabase;
import io.portus.support.S3Server;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.ContextConfiguration;

/** {@link CollectorContract} on the filesystem driver and on S3 (the tests' S3 server), with H2. */
class CollectorTest {

    private static final AtomicInteger ROOTS = new AtomicInteger();

    @Nested
    @ContextConfiguration(initializers = OnDatabase.H2.class)
    class OnFilesystem extends CollectorContract {

        @TempDir
        Path dir;

        @Override
        BlobStore newStore() throws IOException {
            return new FilesystemBlobStore(Files.createDirectories(dir.resolve("root")));
        }
    }

    @Nested
    @ContextConfiguration(initializers = OnDatabase.H2.class)
    class OnS3 extends CollectorContract {

        private static String bucket;

        @Override
        BlobStore newStore() {
            if (bucket == null) {
                bucket = S3Server.shared().newBucket(CollectorTest.class);
            }
            S3Server s3 = S3Server.shared();
            return S3BlobStore.open(new S3Options(Optional.of(s3.endpoint()), s3.region(), bucket, s3.accessKey(),
                    s3.secretKey(), "/gc" + ROOTS.incrementAndGet(), true, S3Options.MIN_CHUNK_SIZE, Optional.empty()));
        }
    }
}
