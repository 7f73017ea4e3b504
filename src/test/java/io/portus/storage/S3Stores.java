package io.portus.storage;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.portus.support.S3Server;

/** S3 stores on the tests' shared S3 server: one bucket per test class, a fresh root directory per store. */
final class S3Stores {

    static final long CHUNK = S3Options.MIN_CHUNK_SIZE;
    private static final AtomicInteger ROOTS = new AtomicInteger();

    private S3Stores() {
    }

    static S3Options options(String bucket, String rootDirectory) {
        S3Server s3 = S3Server.shared();
        return new S3Options(Optional.of(s3.endpoint()), s3.region(), bucket, s3.accessKey(), s3.secretKey(),
                rootDirectory, true, CHUNK, Optional.empty());
    }

    /** A store under a root directory no other store of this JVM uses. */
    static S3BlobStore fresh(String bucket) {
        return S3BlobStore.open(options(bucket, "/t" + ROOTS.incrementAndGet()));
    }

    static S3Options withEndpoint(S3Options o, URI endpoint, String accessKey, String secretKey) {
        return new S3Options(Optional.of(endpoint), o.region(), o.bucket(), accessKey, secretKey,
                o.rootDirectory(), true, o.chunkSize(), o.storageClass());
    }
}
