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
}
