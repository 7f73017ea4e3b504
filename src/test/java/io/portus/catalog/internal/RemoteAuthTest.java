package io.portus.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The tokens kept for calls to external registries: per registry and repository, bounded, expiring. */
class RemoteAuthTest {

    private static final String CHALLENGE = "Bearer realm=\"https://p/v2/token\",service=\"reg\",scope=\"repository:a/b:pull\"";
    private final AtomicInteger issued = new AtomicInteger();

    @Test
    void aTokenIsKeptPerRegistryAndRepository() {
        RemoteAuth auth = new RemoteAuth((service, scopes) -> "t" + issued.incrementAndGet());
        String token = auth.answer(CHALLENGE, "https://one", "/v2/a/b/manifests/1");
        assertThat(auth.cached("https://one", "/v2/a/b/manifests/2")).isEqualTo(token);
        assertThat(auth.cached("https://two", "/v2/a/b/manifests/1")).as("another registry").isNull();
        assertThat(auth.cached("https://one", "/v2/a/c/manifests/1")).as("another repository").isNull();
    }

    @Test
    void theKeptTokensAreBounded() {
        RemoteAuth auth = new RemoteAuth((service, scopes) -> "t" + issued.incrementAndGet(), Duration.ofMinutes(1), 5);
        for (int i = 0; i < 50; i++) {
            auth.answer(CHALLENGE, "https://one", "/v2/r" + i + "/manifests/1");
        }
        assertThat(auth.size()).isLessThanOrEqualTo(5);
    }

    @Test
    void keptTokensExpire() {
        RemoteAuth auth = new RemoteAuth((service, scopes) -> "t" + issued.incrementAndGet(), Duration.ofNanos(1), 5);
        auth.answer(CHALLENGE, "https://one", "/v2/a/b/manifests/1");
        assertThat(auth.cached("https://one", "/v2/a/b/manifests/1")).isNull();
    }
}
