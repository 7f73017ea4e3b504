package io.portus.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundQueueTest {

    @Test
    void aFailingItemIsRetriedWithGrowingPausesAndTheOrderIsKept() throws InterruptedException {
        BlockingQueue<String> handled = new LinkedBlockingQueue<>();
        List<Long> pauses = new ArrayList<>();
        AtomicInteger attemptsOfFirst = new AtomicInteger();
        BackgroundQueue<String> queue = new BackgroundQueue<>("test-queue", 10, item -> {
            if (item.equals("first") && attemptsOfFirst.incrementAndGet() < 3) {
                throw new IllegalStateException("database down");
            }
            handled.add(item);
        }, (item, e, retryIn) -> {
            synchronized (pauses) {
                pauses.add(retryIn);
            }
        });
        assertThat(queue.offer("first")).isTrue();
        assertThat(queue.offer("second")).isTrue();
        queue.start();
        try {
            assertThat(handled.poll(30, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(handled.poll(30, TimeUnit.SECONDS)).isEqualTo("second");
        } finally {
            queue.stop();
        }
        synchronized (pauses) {
            assertThat(pauses).containsExactly(500L, 1000L);
        }
        assertThat(attemptsOfFirst).hasValue(3);
    }

    @Test
    void offerSaysFalseWhenFullAndStopHandlesWhatIsQueued() {
        List<Integer> handled = new ArrayList<>();
        BackgroundQueue<Integer> queue = new BackgroundQueue<>("test-queue", 3, item -> {
            synchronized (handled) {
                handled.add(item);
            }
        }, (item, e, retryIn) -> { });
        for (int i = 0; i < 3; i++) {
            assertThat(queue.offer(i)).isTrue();
        }
        assertThat(queue.offer(3)).as("not started: nothing consumes, so a fourth does not fit").isFalse();
        assertThat(queue.size()).isEqualTo(3);
        queue.start();
        assertThat(queue.isRunning()).isTrue();
        queue.stop();
        assertThat(queue.isRunning()).isFalse();
        synchronized (handled) {
            assertThat(handled).containsExactly(0, 1, 2);
        }
    }

    @Test
    void stopKeepsRetryingWhatFailsUntilItIsHandled() throws InterruptedException {
        List<String> handled = new ArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch failing = new CountDownLatch(1);
        BackgroundQueue<String> queue = new BackgroundQueue<>("test-queue", 10, item -> {
            if (attempts.incrementAndGet() < 4) {
                failing.countDown();
                throw new IllegalStateException("database restarting");
            }
            synchronized (handled) {
                handled.add(item);
            }
        }, (item, e, retryIn) -> { });
        queue.offer("event-1");
        queue.offer("event-2");
        queue.start();
        assertThat(failing.await(10, TimeUnit.SECONDS)).isTrue();
        queue.stop(); // while event-1 is in a retry pause: the old queue gave up here and lost both
        synchronized (handled) {
            assertThat(handled).containsExactly("event-1", "event-2");
        }
    }

    @Test
    void stopGivesUpAfterTheTimeItIsGivenAndSaysHowManyAreLeft() {
        AtomicInteger attempts = new AtomicInteger();
        BackgroundQueue<String> queue = new BackgroundQueue<>("test-queue", 10, item -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("database away");
        }, (item, e, retryIn) -> { });
        queue.offer("event-1");
        queue.offer("event-2");
        queue.start();
        queue.stop(java.time.Duration.ofMillis(300));
        assertThat(queue.isRunning()).isFalse();
        assertThat(queue.size()).as("event-2 never reached: event-1 kept failing").isEqualTo(1);
        assertThat(attempts.get()).isPositive();
    }
}
