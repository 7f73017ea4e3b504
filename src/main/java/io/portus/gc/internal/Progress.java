package io.portus.gc.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts of a collection as it goes; {@link #tick()} lets the run store them and renew its lease now and then.
 * Thread-safe: the API reads it while the collector writes.
 */
class Progress {

    private volatile String phase = "mark";
    final AtomicLong repositoriesScanned = new AtomicLong();
    final AtomicLong blobsScanned = new AtomicLong();
    final AtomicLong blobsDeleted = new AtomicLong();
    final AtomicLong bytesFreed = new AtomicLong();
    final AtomicLong manifestsDeleted = new AtomicLong();

    String phase() {
        return phase;
    }

    void phase(String phase) {
        this.phase = phase;
        tick();
    }

    void repositoryScanned() {
        repositoriesScanned.incrementAndGet();
        tick();
    }

    void blobScanned() {
        blobsScanned.incrementAndGet();
        tick();
    }

    void blobDeleted(long bytes) {
        blobsDeleted.incrementAndGet();
        bytesFreed.addAndGet(bytes);
    }

    void manifestDeleted() {
        manifestsDeleted.incrementAndGet();
    }

    /** Called before a batch of deletions: a run that is no longer the collector must stop here (it throws). */
    void beforeDeletions() {
    }

    /** Called often; subclasses decide when to do something. */
    void tick() {
    }
}
