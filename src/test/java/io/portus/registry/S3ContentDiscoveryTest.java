package io.portus.registry;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ContentDiscoveryTest} with the storage on S3 ({@link S3Suite}). */
class S3ContentDiscoveryTest extends ContentDiscoveryTest {

    @DynamicPropertySource
    static void s3Storage(DynamicPropertyRegistry registry) {
        S3Suite.register(registry, S3ContentDiscoveryTest.class);
    }
}
