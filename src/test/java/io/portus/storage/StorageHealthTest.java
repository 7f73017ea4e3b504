package io.portus.storage;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import io.portus.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The storage probe behind the health endpoints: cached, bounded in time, down with a clear message. */
class StorageHealthTest {

    @Test
    void aProbeIsCachedForFiveSeconds() {
        MutableClock clock = new MutableClock(Instant.now());
        CountingBlobStore store = new CountingBlobStore(new InMemoryBlobStore(clock));
        try (StorageHealth health = new StorageHealth(store, Duration.ofSeconds(5), Duration.ofSeconds(3), clock)) {
            assertThat(health.check().up()).isTrue();
            assertThat(health.check().message()).isEqualTo("storage (inmemory) is reachable");
            assertThat(store.stats).hasValue(1);
            clock.advance(Duration.ofSeconds(6));
            assertThat(health.check().up()).isTrue();
            assertThat(store.stats).hasValue(2);
        }
    }

    @Test
    void anS3ThatAcceptsConnectionsButNeverAnswersIsDownAfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            S3Options o = S3Stores.options("silent", "");
            try (S3BlobStore store = S3BlobStore.open(S3Stores.withEndpoint(o,
                    URI.create("http://127.0.0.1:" + silent.getLocalPort()), o.accessKey(), o.secretKey()));
                 StorageHealth health = new StorageHealth(store, Duration.ofSeconds(5), Duration.ofMillis(500),
                         java.time.Clock.systemUTC())) {
                StorageHealth.Status status = health.check();
                assertThat(status.up()).isFalse();
                assertThat(status.message()).isEqualTo("storage (s3) did not answer within 500 ms");
            }
        }
    }
}
