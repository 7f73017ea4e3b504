package io.portus.registry;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link PullTest} with the storage on S3 ({@link S3Suite}). */
class S3PullTest extends PullTest {

    @DynamicPropertySource
    static void s3Storage(DynamicPropertyRegistry registry) {
        S3Suite.register(registry, S3PullTest.class);
    }
}
