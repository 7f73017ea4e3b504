package io.portus.registry;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link PushTest} with the storage on S3 ({@link S3Suite}). */
class S3PushTest extends PushTest {

    @DynamicPropertySource
    static void s3Storage(DynamicPropertyRegistry registry) {
        S3Suite.register(registry, S3PushTest.class);
    }
}
