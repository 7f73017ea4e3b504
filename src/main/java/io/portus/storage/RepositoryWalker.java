package io.portus.storage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Walks {@code repositories/} the way distribution's catalog does: a directory is a repository when
 * it has a {@code _layers} child (distribution 2.8's rule, verified against 2.8.2) or a
 * {@code _manifests} child (distribution 3's rule); {@code _}-prefixed directories are never descended into.
 * Directories are visited in name order (full-name string order), so a catalog page stops as soon as
 * it is full and skips whole subtrees that sort before {@code last}. Still a walk of the directory tree:
 * the catalog module serves large listings from the database.
 */
final class RepositoryWalker {

    private final BlobStore store;

    RepositoryWalker(BlobStore store) {
        this.store = store;
    }

    /** Repository names sorted by {@link String#compareTo}, strictly after {@code last}, at most {@code limit}. */
    List<String> repositories(String last, int limit) throws IOException {
        List<String> out = new ArrayList<>();
        if (limit <= 0) {
            return out;
        }
        PriorityQueue<String> queue = new PriorityQueue<>();
        enqueueChildren(queue, "", store.list(StoragePaths.REPOSITORIES), last);
        while (!queue.isEmpty() && out.size() < limit) {
            String name = queue.poll();
            List<String> children = store.list(StoragePaths.REPOSITORIES + "/" + name);
            // every name still queued sorts after this one, and so does everything below it
            if ((hasChild(children, "_layers") || hasChild(children, "_manifests")) && (last == null || name.compareTo(last) > 0)) {
                out.add(name);
            }
            enqueueChildren(queue, name + "/", children, last);
        }
        return out;
    }

    /** Calls {@code visitor} for every directory under {@code repositories/} that has an {@code _uploads} child. */
    void forEachUploadsDir(UploadsVisitor visitor) throws IOException {
        List<String> pending = new ArrayList<>(List.of(StoragePaths.REPOSITORIES));
        while (!pending.isEmpty()) {
            String dir = pending.removeLast();
            for (String child : store.list(dir)) {
                String base = StoragePaths.baseName(child);
                if (base.equals("_uploads")) {
                    visitor.visit(dir, child);
                } else if (!base.startsWith("_")) {
                    pending.add(child);
                }
            }
        }
    }

    interface UploadsVisitor {
        void visit(String repositoryPath, String uploadsPath) throws IOException;
    }

    private static void enqueueChildren(PriorityQueue<String> queue, String prefix, List<String> children, String last) {
        for (String child : children) {
            String base = StoragePaths.baseName(child);
            if (base.startsWith("_") || !RepositoryName.isValid(base)) {
                continue;
            }
            String name = prefix + base;
            if (name.length() <= RepositoryName.MAX_LENGTH && mayHoldNamesAfter(name, last)) {
                queue.add(name);
            }
        }
    }

    /** Whether {@code name} or any "name/..." sorts after {@code last}. */
    static boolean mayHoldNamesAfter(String name, String last) {
        if (last == null || name.compareTo(last) > 0) {
            return true;
        }
        String dir = name + "/";
        return dir.compareTo(last) >= 0 || last.startsWith(dir);
    }

    private static boolean hasChild(List<String> children, String base) {
        for (String c : children) {
            if (StoragePaths.baseName(c).equals(base)) {
                return true;
            }
        }
        return false;
    }
}
