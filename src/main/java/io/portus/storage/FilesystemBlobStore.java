package io.portus.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link BlobStore} on a local directory (distribution's {@code filesystem} driver layout: a storage
 * path {@code /a/b} is the file {@code <root>/a/b}).
 *
 * <p>Durability: {@link #putContent} writes a temporary file in the same directory, fsyncs it,
 * renames it over the target and fsyncs the directory; {@link #move} renames and fsyncs both
 * directories; directories it creates are made durable in their parents. Names starting with '.' are
 * temporary files and never listed (no registry path component starts with '.').
 */
public final class FilesystemBlobStore implements BlobStore, LocalFiles {

    /** Attempts when a concurrent delete removes a parent directory under our feet. */
    private static final int RETRIES = 100;

    private final Path root;

    public FilesystemBlobStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root);
        if (!Files.isWritable(this.root)) {
            throw new java.nio.file.AccessDeniedException(this.root.toString(), null, "not writable");
        }
    }

    /** The root directory. */
    public Path root() {
        return root;
    }

    @Override
    public String name() {
        return "filesystem";
    }

    @Override
    public Optional<FileInfo> stat(String path) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file(path), BasicFileAttributes.class);
            return Optional.of(new FileInfo(path, a.isDirectory() ? 0 : a.size(),
                    a.lastModifiedTime().toInstant(), a.isDirectory()));
        } catch (NoSuchFileException | NotDirectoryException e) {
            return Optional.empty();
        }
    }

    @Override
    public byte[] getContent(String path) throws IOException {
        Path f = file(path);
        try {
            return Files.readAllBytes(f);
        } catch (NoSuchFileException | NotDirectoryException e) {
            throw new PathNotFoundException(path);
        } catch (IOException e) {
            if (Files.isDirectory(f)) {
                throw new PathNotFoundException(path);
            }
            throw e;
        }
    }

    @Override
    public void putContent(String path, byte[] content) throws IOException {
        Path target = file(path);
        for (int attempt = 1; ; attempt++) {
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try {
                Dirs.create(root, target.getParent());
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    ByteBuffer buf = ByteBuffer.wrap(content);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(true);
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                Dirs.fsync(target.getParent());
                return;
            } catch (NoSuchFileException e) {
                // a concurrent delete removed the directory between mkdir and rename: try again
                Files.deleteIfExists(tmp);
                if (attempt >= RETRIES) {
                    throw e;
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
        }
    }

    @Override
    public InputStream reader(String path, long offset) throws IOException {
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset);
        }
        Path f = file(path);
        FileChannel ch;
        try {
            ch = FileChannel.open(f, StandardOpenOption.READ);
        } catch (NoSuchFileException | NotDirectoryException e) {
            throw new PathNotFoundException(path);
        }
        try {
            if (Files.isDirectory(f)) {
                throw new PathNotFoundException(path);
            }
            ch.position(offset);
            return Channels.newInputStream(ch);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    @Override
    public ObjectWriter writer(String path, boolean append) throws IOException {
        Path f = file(path);
        for (int attempt = 1; ; attempt++) {
            try {
                Dirs.create(root, f.getParent());
                boolean created;
                FileChannel ch;
                try {
                    ch = FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    created = true;
                } catch (FileAlreadyExistsException e) {
                    ch = FileChannel.open(f, StandardOpenOption.WRITE,
                            append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
                    created = false;
                }
                return new FileWriter(f, ch, created);
            } catch (NoSuchFileException e) {
                if (attempt >= RETRIES) {
                    throw e;
                }
            }
        }
    }

    @Override
    public List<String> list(String path) throws IOException {
        Path dir = file(path);
        String prefix = path.equals("/") ? "/" : path + "/";
        List<String> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path child : ds) {
                String name = child.getFileName().toString();
                if (!name.startsWith(".")) {
                    children.add(prefix + name);
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of();
        }
        return children;
    }

    @Override
    public void move(String sourcePath, String destPath) throws IOException {
        Path src = file(sourcePath);
        Path dst = file(destPath);
        if (!Files.exists(src)) {
            throw new PathNotFoundException(sourcePath);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Dirs.create(root, dst.getParent());
                Files.move(src, dst, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                break;
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot move " + sourcePath + " to " + destPath + " atomically", e);
            } catch (NoSuchFileException e) {
                if (!Files.exists(src)) {
                    throw new PathNotFoundException(sourcePath);
                }
                if (attempt >= RETRIES) {
                    throw e;
                }
            }
        }
        Dirs.fsync(dst.getParent());
        if (!src.getParent().equals(dst.getParent())) {
            Dirs.fsync(src.getParent());
        }
    }

    @Override
    public void delete(String path) throws IOException {
        Path target = remove(path);
        if (!target.equals(root)) {
            Dirs.fsyncIfExists(target.getParent());
        }
    }

    @Override
    public void deleteGarbage(String path) throws IOException {
        remove(path);
    }

    private Path remove(String path) throws IOException {
        Path target = file(path);
        for (int attempt = 1; ; attempt++) {
            try {
                deleteTree(target);
                break;
            } catch (DirectoryNotEmptyException e) {
                // something was written into the tree while deleting it: delete again
                if (attempt >= RETRIES) {
                    throw e;
                }
            }
        }
        return target;
    }

    @Override
    public Optional<Path> localFile(String path) {
        Path f = file(path);
        return Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
    }

    private Path file(String path) {
        StoragePaths.validate(path);
        return path.length() == 1 ? root : root.resolve(path.substring(1));
    }

    private static void deleteTree(Path target) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(target, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!attrs.isDirectory()) {
            Files.deleteIfExists(target);
            return;
        }
        Files.walkFileTree(target, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** An open file: appends go straight to it; {@code commit} fsyncs. */
    private static final class FileWriter implements ObjectWriter {
        private final Path file;
        private final FileChannel ch;
        private boolean dirSynced;
        private long size;

        FileWriter(Path file, FileChannel ch, boolean created) throws IOException {
            this.file = file;
            this.ch = ch;
            this.dirSynced = !created;
            this.size = ch.size();
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
            while (bb.hasRemaining()) {
                size += ch.write(bb);
            }
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public void commit() throws IOException {
            ch.force(false);
            if (!dirSynced) {
                Dirs.fsync(file.getParent());
                dirSynced = true;
            }
        }

        @Override
        public void cancel() throws IOException {
            ch.close();
            Files.deleteIfExists(file);
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }
}
