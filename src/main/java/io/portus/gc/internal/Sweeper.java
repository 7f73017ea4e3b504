package io.portus.gc.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.portus.storage.BlobStore;
import io.portus.storage.Digest;
import io.portus.storage.RepositoryName;
import io.portus.storage.StoragePaths;

/**
 * The delete phases. Each deletion follows the hand-shake of docs/garbage-collection.md: announce it
 * ({@code gc_deletions} row, committed), then re-check that nobody touched the digest since the cutoff and that
 * it is still unreferenced/untagged and old, delete, and withdraw the row. A dry run does the same checks
 * without the row and deletes nothing.
 */
final class Sweeper {

    private final Layout layout;
    private final Coordination coordination;
    private final Progress progress;
    private final CollectorHooks hooks;
    private final long runId;
    private final boolean dryRun;
    private final Instant cutoff;

    Sweeper(Layout layout, Coordination coordination, Progress progress, CollectorHooks hooks, long runId,
            boolean dryRun, Instant cutoff) {
        this.layout = layout;
        this.coordination = coordination;
        this.progress = progress;
        this.hooks = hooks;
        this.runId = runId;
        this.dryRun = dryRun;
        this.cutoff = cutoff;
    }

    /** Deletes the untagged revisions nothing keeps; the ones found kept after all are marked in {@code mark}. */
    void deleteManifests(Marker.Result mark, Marker marker) throws IOException {
        for (Marker.Candidate c : mark.candidates()) {
            if (dryRun) {
                if (stillDeletable(c, marker)) {
                    progress.manifestDeleted();
                } else {
                    mark.keep(c.digest(), c.refs());
                }
                continue;
            }
            hooks.beforeDeletion(c.digest());
            if (!coordination.beginDeletion(runId, c.digest())) {
                mark.keep(c.digest(), c.refs());
                continue;
            }
            try {
                hooks.deletionAnnounced(c.digest());
                if (!stillDeletable(c, marker)) {
                    mark.keep(c.digest(), c.refs());
                    continue;
                }
                hooks.deletionConfirmed(c.digest());
                BlobStore store = layout.store();
                store.delete(StoragePaths.revisionDir(c.repo(), c.digest()));
                if (c.refs().subject() != null) {
                    store.delete(StoragePaths.referrerDir(c.repo(), c.refs().subject(), c.digest()));
                }
                progress.manifestDeleted();
            } finally {
                coordination.endDeletion(c.digest());
            }
        }
    }

    private boolean stillDeletable(Marker.Candidate c, Marker marker) throws IOException {
        return !coordination.touchedSince(c.digest(), cutoff) && !marker.recent(c.repo(), c.digest(), cutoff, Set.of())
                && !layout.taggedNow(c.repo()).contains(c.digest());
    }

    /** Deletes blob data nothing marks, older than the cutoff and untouched since, with its {@code _layers} links. */
    void sweepBlobs(Marker.Result mark) throws IOException {
        Set<Digest> touched = coordination.touchedSince(cutoff);
        BlobStore store = layout.store();
        for (String algDir : store.list(StoragePaths.BLOBS)) {
            for (String prefixDir : store.list(algDir)) {
                for (String blobDir : store.list(prefixDir)) {
                    String candidate = Layout.base(algDir) + ":" + Layout.base(blobDir);
                    progress.blobScanned();
                    if (!Digest.isDigest(candidate)) {
                        continue;
                    }
                    Digest d = Digest.parse(candidate);
                    if (!mark.marked().contains(d) && !touched.contains(d)) {
                        sweep(d, mark.layerLinks().getOrDefault(d, List.of()));
                    }
                }
            }
        }
    }

    private void sweep(Digest d, List<RepositoryName> links) throws IOException {
        Optional<BlobStore.FileInfo> data = oldData(d);
        if (data.isEmpty()) {
            return;
        }
        if (dryRun) {
            progress.blobDeleted(data.get().size());
            return;
        }
        hooks.beforeDeletion(d);
        if (!coordination.beginDeletion(runId, d)) {
            return;
        }
        try {
            hooks.deletionAnnounced(d);
            if (coordination.touchedSince(d, cutoff)) {
                return;
            }
            data = oldData(d);
            if (data.isEmpty()) {
                return;
            }
            hooks.deletionConfirmed(d);
            BlobStore store = layout.store();
            store.delete(StoragePaths.blobDir(d));
            for (RepositoryName repo : links) {
                store.delete(StoragePaths.layerDir(repo, d));
            }
            progress.blobDeleted(data.get().size());
        } finally {
            coordination.endDeletion(d);
        }
    }

    private Optional<BlobStore.FileInfo> oldData(Digest d) throws IOException {
        return layout.store().stat(StoragePaths.blobData(d))
                .filter(i -> !i.directory() && i.modified().isBefore(cutoff));
    }
}
