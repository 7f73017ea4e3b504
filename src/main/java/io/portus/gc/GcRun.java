package io.portus.gc;

import java.time.Instant;

/**
 * One collection: {@code state} running, done or failed; {@code phase} what it does now (mark, manifests,
 * blobs, done); the counts are what it deleted (a dry run: what it would have deleted).
 */
public record GcRun(long id, String state, boolean dryRun, String phase, String startedBy, long repositoriesScanned,
                    long blobsScanned, long blobsDeleted, long bytesFreed, long manifestsDeleted, String error,
                    Instant startedAt, Instant finishedAt) {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public boolean running() {
        return RUNNING.equals(state);
    }
}
