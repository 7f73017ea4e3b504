package io.portus.catalog;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for background work (event processing) to show its result; a generous limit, never a timing claim. */
final class Poll {

    private Poll() {
    }

    static <T> T until(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> v = probe.get();
            if (v.isPresent()) {
                return v.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("never happened: " + what);
    }
}
