package io.portus.gc.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import io.portus.storage.BlobStore;
import io.portus.storage.RegistryStorage;

/**
 * One collection over a {@link BlobStore} in distribution's layout: mark ({@link Marker}), delete untagged
 * manifests and unreferenced blobs ({@link Sweeper}). Everything touched or written at or after
 * {@code start - gracePeriod} (database time) is kept.
 */
final class Collector {

    /** What a run does. */
    record Settings(long runId, boolean dryRun, boolean deleteUntagged, Duration gracePeriod) {
    }

    private final BlobStore store;
    private final RegistryStorage storage;
    private final Coordination coordination;
    private final CollectorHooks hooks;

    Collector(BlobStore store, RegistryStorage storage, Coordination coordination, CollectorHooks hooks) {
        this.store = store;
        this.storage = storage;
        this.coordination = coordination;
        this.hooks = hooks;
    }

    /** Runs a collection, counting into {@code progress}; returns the cutoff it used. */
    Instant collect(Settings settings, Progress progress) throws IOException {
        Instant cutoff = coordination.now().minus(settings.gracePeriod());
        Layout layout = new Layout(store);
        Marker marker = new Marker(storage, layout, progress, hooks);
        progress.phase("mark");
        Marker.Result mark = marker.mark(settings.deleteUntagged(), cutoff, coordination.touchedSince(cutoff));
        Sweeper sweeper = new Sweeper(layout, coordination, progress, hooks, settings.runId(), settings.dryRun(), cutoff);
        progress.phase("manifests");
        sweeper.deleteManifests(mark, marker);
        progress.phase("blobs");
        sweeper.sweepBlobs(mark);
        return cutoff;
    }
}
