package io.portus.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;

/** Directory helpers of {@link FilesystemBlobStore}: durable creation and fsync. */
final class Dirs {

    private Dirs() {
    }

    /**
     * Creates {@code dir} and its missing parents (not above {@code root}), fsyncing the parent of each
     * directory it creates so the new entries survive a crash.
     */
    static void create(Path root, Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
            if (p.equals(root)) {
                break;
            }
        }
        Deque<Path> created = new ArrayDeque<>();
        while (!missing.isEmpty()) {
            Path p = missing.pop();
            try {
                Files.createDirectory(p);
                created.add(p);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(p)) {
                    throw e;
                }
            }
        }
        // one journal commit covers all the mkdirs; the later fsyncs find nothing left to write
        for (Path p : created) {
            fsync(p.getParent());
        }
    }

    /** fsync of a directory: makes renames, creations and deletions in it durable. */
    static void fsync(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    static void fsyncIfExists(Path dir) throws IOException {
        try {
            fsync(dir);
        } catch (NoSuchFileException e) {
            // the parent went away too: nothing to make durable
        }
    }
}
