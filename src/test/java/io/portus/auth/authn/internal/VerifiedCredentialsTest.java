package io.portus.auth.authn.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedCredentialsTest {

    @Test
    void keysDependOnUserStampAndSecretAndRevealNone() {
        VerifiedCredentials cache = new VerifiedCredentials(Duration.ofMinutes(1), 100);
        String key = cache.key(1, "stamp", "secret");
        assertThat(key).isEqualTo(cache.key(1, "stamp", "secret"))
                .isNotEqualTo(cache.key(2, "stamp", "secret"))
                .isNotEqualTo(cache.key(1, "stamp2", "secret"))
                .isNotEqualTo(cache.key(1, "stamp", "secret2"))
                .doesNotContain("secret");
        assertThat(new VerifiedCredentials(Duration.ofMinutes(1), 100).key(1, "stamp", "secret"))
                .as("per-process key").isNotEqualTo(key);
    }

    @Test
    void successesAreRememberedFailuresAreNot() {
        VerifiedCredentials cache = new VerifiedCredentials(Duration.ofMinutes(1), 100);
        assertThat(cache.verify("bad", () -> false)).isFalse();
        assertThat(cache.contains("bad")).isFalse();
        assertThat(cache.verify("good", () -> true)).isTrue();
        assertThat(cache.contains("good")).isTrue();
    }

    @Test
    void aZeroTtlDisablesTheCache() {
        VerifiedCredentials cache = new VerifiedCredentials(Duration.ZERO, 100);
        assertThat(cache.verify("good", () -> true)).isTrue();
        assertThat(cache.contains("good")).isFalse();
    }

    @Test
    void theCacheStaysBounded() {
        VerifiedCredentials cache = new VerifiedCredentials(Duration.ofMinutes(1), 10);
        for (int i = 0; i < 25; i++) {
            cache.verify("k" + i, () -> true);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(10);
        assertThat(cache.contains("k24")).isTrue();
        assertThat(java.util.stream.IntStream.range(0, 25).filter(i -> cache.contains("k" + i)).count())
                .as("not cleared whole when full").isGreaterThan(1);
    }

    @Test
    void concurrentChecksOfOneKeyShareOneComputation() throws Exception {
        VerifiedCredentials cache = new VerifiedCredentials(Duration.ofMinutes(1), 100);
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Boolean> results = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread first = Thread.ofVirtual().start(() -> results.add(cache.verify("k", () -> {
            computations.incrementAndGet();
            entered.countDown();
            await(release);
            return true;
        })));
        entered.await();
        for (int i = 0; i < 8; i++) {
            threads.add(Thread.ofVirtual().start(() -> results.add(cache.verify("k", () -> {
                computations.incrementAndGet();
                return true;
            }))));
        }
        while (threads.stream().anyMatch(t -> t.getState() != Thread.State.WAITING && t.isAlive())) {
            Thread.onSpinWait();
        }
        release.countDown();
        first.join();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(results).hasSize(9).containsOnly(true);
        assertThat(computations).hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
