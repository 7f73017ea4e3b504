package io.portus.gc.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import io.portus.storage.Digest;
import io.portus.storage.RegistryStorage;
import io.portus.storage.RepositoryName;
import io.portus.storage.StoragePaths;

/**
 * The mark phase: walks every repository and marks what is kept. A manifest revision is kept when
 * untagged manifests are kept anyway, or it is tagged, a child of a kept index, a referrer of a kept subject,
 * or recent (touched or linked at or after the cutoff); a kept manifest marks itself, its children and its
 * blobs. Untagged revisions that are not kept become {@link Candidate}s of the manifest phase. Repositories are
 * scanned {@value Parallel#WIDTH} at a time (each scan is independent: it reads one repository's links and manifests).
 */
final class Marker {

    private static final int PAGE = 1000;

    /** An untagged revision to delete, with what it references (marked after all when it turns out to be kept). */
    record Candidate(RepositoryName repo, Digest digest, ManifestRefs refs) {
    }

    /** Marked digests, candidates, and which repositories link each blob in {@code _layers}. */
    record Result(Set<Digest> marked, List<Candidate> candidates, Map<Digest, List<RepositoryName>> layerLinks) {

        void keep(Digest digest, ManifestRefs refs) {
            marked.add(digest);
            marked.addAll(refs.blobs());
            marked.addAll(refs.children());
        }
    }

    private final RegistryStorage storage;
    private final Layout layout;
    private final Progress progress;
    private final CollectorHooks hooks;
    private final Map<Digest, ManifestRefs> refsCache = new ConcurrentHashMap<>();

    Marker(RegistryStorage storage, Layout layout, Progress progress, CollectorHooks hooks) {
        this.storage = storage;
        this.layout = layout;
        this.progress = progress;
        this.hooks = hooks;
    }

    Result mark(boolean deleteUntagged, Instant cutoff, Set<Digest> touched) throws IOException {
        Result result = new Result(new HashSet<>(), new ArrayList<>(), new HashMap<>());
        String last = null;
        while (true) {
            List<String> page = storage.repositories(last, PAGE);
            List<Callable<Void>> scans = new ArrayList<>(page.size());
            for (String name : page) {
                scans.add(() -> {
                    RepositoryName repo = new RepositoryName(name);
                    Result own = new Result(new HashSet<>(), new ArrayList<>(), new HashMap<>());
                    scan(repo, deleteUntagged, cutoff, touched, own);
                    synchronized (result) {
                        result.marked().addAll(own.marked());
                        result.candidates().addAll(own.candidates());
                        own.layerLinks().forEach((d, repos) ->
                                result.layerLinks().computeIfAbsent(d, k -> new ArrayList<>(1)).addAll(repos));
                    }
                    progress.repositoryScanned();
                    hooks.repositoryScanned(repo);
                    return null;
                });
            }
            Parallel.runAll(scans);
            if (page.size() < PAGE) {
                return result;
            }
            last = page.getLast();
        }
    }

    private void scan(RepositoryName repo, boolean deleteUntagged, Instant cutoff, Set<Digest> touched, Result result)
            throws IOException {
        for (Digest d : layout.layerLinks(repo)) {
            result.layerLinks().computeIfAbsent(d, k -> new ArrayList<>(1)).add(repo);
        }
        Map<Digest, ManifestRefs> revisions = new HashMap<>();
        for (Digest d : layout.revisions(repo)) {
            revisions.put(d, refs(d));
        }
        Set<Digest> kept = new LinkedHashSet<>();
        if (!deleteUntagged) {
            kept.addAll(revisions.keySet());
        } else {
            Set<Digest> roots = new HashSet<>(layout.taggedNow(repo));
            roots.retainAll(revisions.keySet());
            closure(roots, revisions, kept);
            // untagged and not kept so far: recent ones are roots too (their children and referrers stay)
            List<Digest> recent = new ArrayList<>();
            for (Digest d : revisions.keySet()) {
                if (!kept.contains(d) && recent(repo, d, cutoff, touched)) {
                    recent.add(d);
                }
            }
            if (!recent.isEmpty()) {
                closure(recent, revisions, kept);
            }
        }
        for (Map.Entry<Digest, ManifestRefs> e : revisions.entrySet()) {
            if (kept.contains(e.getKey())) {
                result.keep(e.getKey(), e.getValue());
            } else {
                result.candidates().add(new Candidate(repo, e.getKey(), e.getValue()));
            }
        }
    }

    /** Adds to {@code kept} the roots, the children of kept manifests and the referrers of kept subjects, transitively. */
    private static void closure(Iterable<Digest> roots, Map<Digest, ManifestRefs> revisions, Set<Digest> kept) {
        Map<Digest, List<Digest>> referrersOf = new HashMap<>();
        revisions.forEach((d, refs) -> {
            if (refs.subject() != null) {
                referrersOf.computeIfAbsent(refs.subject(), k -> new ArrayList<>()).add(d);
            }
        });
        ArrayDeque<Digest> queue = new ArrayDeque<>();
        roots.forEach(queue::add);
        while (!queue.isEmpty()) {
            Digest d = queue.poll();
            if (!kept.add(d)) {
                continue;
            }
            ManifestRefs refs = revisions.get(d);
            if (refs != null) {
                for (Digest child : refs.children()) {
                    if (revisions.containsKey(child) && !kept.contains(child)) {
                        queue.add(child);
                    }
                }
            }
            for (Digest r : referrersOf.getOrDefault(d, List.of())) {
                if (!kept.contains(r)) {
                    queue.add(r);
                }
            }
        }
    }

    /** Touched, or its revision link written, at or after the cutoff. */
    boolean recent(RepositoryName repo, Digest d, Instant cutoff, Set<Digest> touched) throws IOException {
        if (touched.contains(d)) {
            return true;
        }
        var info = layout.store().stat(StoragePaths.revisionLink(repo, d));
        return info.isPresent() && !info.get().modified().isBefore(cutoff);
    }

    private ManifestRefs refs(Digest d) throws IOException {
        ManifestRefs cached = refsCache.get(d);
        if (cached != null) {
            return cached;
        }
        ManifestRefs refs = layout.content(d).map(ManifestRefs::parse).orElse(ManifestRefs.NONE);
        refsCache.put(d, refs);
        return refs;
    }
}
