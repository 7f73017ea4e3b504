package io.portus.registry;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ManifestPushTest} with the storage on S3 ({@link S3Suite}). */
class S3ManifestPushTest extends ManifestPushTest {

    @DynamicPropertySource
    static void s3Storage(DynamicPropertyRegistry registry) {
        S3Suite.register(registry, S3ManifestPushTest.class);
    }
}
