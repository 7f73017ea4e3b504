package io.portus.registry;

import io.portus.support.S3Server;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The registry protocol suite on S3: the {@code S3*Test} subclasses of the protocol tests run every test of
 * their parent with the storage on the tests' S3 server (a bucket per class, root {@code /registry}, 5 MiB
 * parts so that multipart uploads and part copies happen with small blobs) and redirects off, so that blob
 * GETs are answered by the registry as the parents expect (the 307 answers are S3RedirectTest's and
 * S3ClientsIT's).
 */
final class S3Suite {

    private S3Suite() {
    }

    /** The storage on S3, redirects off. */
    static void register(DynamicPropertyRegistry registry, Class<?> owner) {
        storage(registry, owner);
        registry.add("portus.registry.storage.redirect.disable", () -> "true");
    }

    /** The storage on the shared S3 server: a new bucket named after {@code owner} (returned), root /registry. */
    static String storage(DynamicPropertyRegistry registry, Class<?> owner) {
        S3Server s3 = S3Server.shared();
        String bucket = s3.newBucket(owner);
        registry.add("portus.registry.storage.driver", () -> "s3");
        registry.add("portus.registry.storage.s3.region-endpoint", () -> s3.endpoint().toString());
        registry.add("portus.registry.storage.s3.bucket", () -> bucket);
        registry.add("portus.registry.storage.s3.access-key", s3::accessKey);
        registry.add("portus.registry.storage.s3.secret-key", s3::secretKey);
        registry.add("portus.registry.storage.s3.root-directory", () -> "/registry");
        registry.add("portus.registry.storage.s3.chunk-size", () -> "5242880");
        return bucket;
    }
}
