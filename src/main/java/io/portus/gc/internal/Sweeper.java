package io.portus.gc.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import io.portus.storage.BlobStore;
import io.portus.storage.Digest;
import io.portus.storage.RepositoryName;
import io.portus.storage.StoragePaths;

/**
 * The delete phases. Each deletion follows the hand-shake of docs/garbage-collection.md: announce it
 * ({@code gc_deletions} row, committed), then re-check that nobody touched the digest since the cutoff and that
 * it is still unreferenced/untagged and old, delete, and withdraw the row. Candidates go in batches of
 * {@value #BATCH}: one statement announces a batch, one reads its touches, one withdraws it (the argument holds
 * per digest, whatever else a statement carries); a batch's deletions run {@value Parallel#WIDTH} at a time. A dry run makes the same checks without rows and deletes nothing.
 */
final class Sweeper {

    static final int BATCH = 100;

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
        List<Marker.Candidate> all = mark.candidates();
        for (int i = 0; i < all.size(); i += BATCH) {
            manifestBatch(all.subList(i, Math.min(all.size(), i + BATCH)), mark, marker);
        }
    }

    private void manifestBatch(List<Marker.Candidate> batch, Marker.Result mark, Marker marker) throws IOException {
        List<Digest> digests = batch.stream().map(Marker.Candidate::digest).toList();
        Set<Digest> announced = dryRun ? new HashSet<>(digests) : announce(digests);
        try {
            Set<Digest> touched = coordination.touchedAmong(announced, cutoff);
            Map<RepositoryName, List<Digest>> tagged = new HashMap<>();
            Map<RepositoryName, List<String>> tagDirs = new HashMap<>();
            List<Callable<Void>> deletions = new ArrayList<>();
            for (Marker.Candidate c : batch) {
                if (!announced.contains(c.digest()) || touched.contains(c.digest())
                        || marker.recent(c.repo(), c.digest(), cutoff, Set.of())
                        || tagged.computeIfAbsent(c.repo(), r -> taggedNow(r)).contains(c.digest())) {
                    mark.keep(c.digest(), c.refs());
                    continue;
                }
                if (dryRun) {
                    progress.manifestDeleted();
                    continue;
                }
                List<String> history = tagDirs.computeIfAbsent(c.repo(), r -> io(() -> layout.tagDirs(r)));
                deletions.add(() -> {
                    hooks.deletionConfirmed(c.digest());
                    BlobStore store = layout.store();
                    store.deleteGarbage(StoragePaths.revisionDir(c.repo(), c.digest()));
                    for (String tagDir : history) { // the tag's history, as distribution's collector removes it
                        store.deleteGarbage(tagDir + "/index/" + c.digest().algorithm() + "/" + c.digest().hex());
                    }
                    if (c.refs().subject() != null) {
                        store.deleteGarbage(StoragePaths.referrerDir(c.repo(), c.refs().subject(), c.digest()));
                    }
                    progress.manifestDeleted();
                    return null;
                });
            }
            if (!deletions.isEmpty()) {
                progress.beforeDeletions();
            }
            Parallel.runAll(deletions);
        } finally {
            withdraw(announced);
        }
    }

    private List<Digest> taggedNow(RepositoryName repo) {
        return io(() -> layout.taggedNow(repo));
    }

    private interface StorageRead<T> {
        T get() throws IOException;
    }

    private static <T> T io(StorageRead<T> read) {
        try {
            return read.get();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Deletes blob data nothing marks, older than the cutoff and untouched since, with its {@code _layers} links. */
    void sweepBlobs(Marker.Result mark) throws IOException {
        Set<Digest> touched = coordination.touchedSince(cutoff);
        BlobStore store = layout.store();
        List<Digest> batch = new ArrayList<>(BATCH);
        for (String algDir : store.list(StoragePaths.BLOBS)) {
            for (String prefixDir : store.list(algDir)) {
                for (String blobDir : store.list(prefixDir)) {
                    String candidate = Layout.base(algDir) + ":" + Layout.base(blobDir);
                    progress.blobScanned();
                    if (!Digest.isDigest(candidate)) {
                        continue;
                    }
                    Digest d = Digest.parse(candidate);
                    if (mark.marked().contains(d) || touched.contains(d)) {
                        continue;
                    }
                    Optional<BlobStore.FileInfo> data = oldData(d);
                    if (data.isEmpty()) {
                        continue;
                    }
                    if (dryRun) {
                        progress.blobDeleted(data.get().size());
                        continue;
                    }
                    batch.add(d);
                    if (batch.size() == BATCH) {
                        blobBatch(batch, mark);
                        batch.clear();
                    }
                }
            }
        }
        blobBatch(batch, mark);
    }

    private void blobBatch(List<Digest> batch, Marker.Result mark) throws IOException {
        Set<Digest> announced = announce(batch);
        try {
            Set<Digest> touched = coordination.touchedAmong(announced, cutoff);
            List<Callable<Void>> deletions = new ArrayList<>();
            for (Digest d : announced) {
                Optional<BlobStore.FileInfo> data = touched.contains(d) ? Optional.empty() : oldData(d);
                if (data.isPresent()) {
                    deletions.add(() -> {
                        hooks.deletionConfirmed(d);
                        BlobStore store = layout.store();
                        store.deleteGarbage(StoragePaths.blobDir(d));
                        for (RepositoryName repo : mark.layerLinks().getOrDefault(d, List.of())) {
                            store.deleteGarbage(StoragePaths.layerDir(repo, d));
                        }
                        progress.blobDeleted(data.get().size());
                        return null;
                    });
                }
            }
            if (!deletions.isEmpty()) {
                progress.beforeDeletions();
            }
            Parallel.runAll(deletions);
        } finally {
            withdraw(announced);
        }
    }

    /** Step (a) for a batch: hooks before, the rows, hooks after. */
    private Set<Digest> announce(List<Digest> digests) {
        if (digests.isEmpty()) {
            return Set.of();
        }
        digests.forEach(hooks::beforeDeletion);
        Set<Digest> announced = coordination.beginDeletions(runId, digests);
        announced.forEach(hooks::deletionAnnounced);
        return announced;
    }

    private void withdraw(Set<Digest> announced) {
        if (!dryRun) {
            coordination.endDeletions(announced);
        }
    }

    private Optional<BlobStore.FileInfo> oldData(Digest d) throws IOException {
        return layout.store().stat(StoragePaths.blobData(d))
                .filter(i -> !i.directory() && i.modified().isBefore(cutoff));
    }
}
