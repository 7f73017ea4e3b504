package io.portus.gc.internal;

import java.time.Instant;
import java.util.Set;

import io.portus.storage.Digest;

/** The collector's side of the hand-shake with pushes (docs/garbage-collection.md); every call is one committed statement. */
interface Coordination {

    /** The database's current time. */
    Instant now();

    /** Digests touched at or after {@code cutoff}. */
    Set<Digest> touchedSince(Instant cutoff);

    /** Whether {@code digest} was touched at or after {@code cutoff}. */
    boolean touchedSince(Digest digest, Instant cutoff);

    /** Announces that run {@code runId} is deleting {@code digest}; false when a row already exists. */
    boolean beginDeletion(long runId, Digest digest);

    /** The deletion of {@code digest} is over (done or abandoned). */
    void endDeletion(Digest digest);

    /** {@link #beginDeletion} for several digests in one statement when it can; returns those announced. */
    default java.util.Set<Digest> beginDeletions(long runId, java.util.Collection<Digest> digests) {
        java.util.Set<Digest> out = new java.util.LinkedHashSet<>();
        for (Digest d : digests) {
            if (beginDeletion(runId, d)) {
                out.add(d);
            }
        }
        return out;
    }

    /** Which of {@code digests} were touched at or after {@code cutoff} (one statement). */
    default Set<Digest> touchedAmong(java.util.Collection<Digest> digests, Instant cutoff) {
        Set<Digest> out = new java.util.HashSet<>();
        for (Digest d : digests) {
            if (touchedSince(d, cutoff)) {
                out.add(d);
            }
        }
        return out;
    }

    /** {@link #endDeletion} for several digests in one statement. */
    default void endDeletions(java.util.Collection<Digest> digests) {
        digests.forEach(this::endDeletion);
    }
}
