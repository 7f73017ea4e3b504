package io.portus.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@link BlobStore} in memory, for tests and throw-away development registries. One lock guards
 * the whole tree: simple and correct, not built for large blobs or high concurrency. Directories exist
 * while they hold objects, as on S3.
 */
public final class InMemoryBlobStore implements BlobStore {

    private final TreeMap<String, Node> objects = new TreeMap<>();
    private final Clock clock;

    public InMemoryBlobStore() {
        this(Clock.systemUTC());
    }

    /** With a clock, so tests can age objects. */
    public InMemoryBlobStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "inmemory";
    }

    @Override
    public synchronized Optional<FileInfo> stat(String path) {
        StoragePaths.validate(path);
        Node n = objects.get(path);
        if (n != null) {
            return Optional.of(new FileInfo(path, n.length, n.modified, false));
        }
        String prefix = dirPrefix(path);
        Instant newest = null;
        for (Map.Entry<String, Node> e : objects.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            if (newest == null || e.getValue().modified.isAfter(newest)) {
                newest = e.getValue().modified;
            }
        }
        return newest == null ? Optional.empty() : Optional.of(new FileInfo(path, 0, newest, true));
    }

    @Override
    public synchronized byte[] getContent(String path) throws IOException {
        Node n = node(path);
        return Arrays.copyOf(n.data, n.length);
    }

    @Override
    public synchronized void putContent(String path, byte[] content) {
        StoragePaths.validate(path);
        Node n = new Node(clock.instant());
        n.append(content, 0, content.length);
        objects.put(path, n);
    }

    @Override
    public synchronized InputStream reader(String path, long offset) throws IOException {
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset);
        }
        Node n = node(path);
        int from = (int) Math.min(offset, n.length);
        return new ByteArrayInputStream(Arrays.copyOfRange(n.data, from, n.length));
    }

    @Override
    public synchronized ObjectWriter writer(String path, boolean append) {
        StoragePaths.validate(path);
        Node n = append ? objects.get(path) : null;
        if (n == null) {
            n = new Node(clock.instant());
            objects.put(path, n);
        }
        return new Writer(path, n);
    }

    @Override
    public synchronized List<String> list(String path) {
        StoragePaths.validate(path);
        String prefix = dirPrefix(path);
        Set<String> children = new LinkedHashSet<>();
        for (String key : objects.tailMap(prefix, true).keySet()) {
            if (!key.startsWith(prefix)) {
                break;
            }
            int slash = key.indexOf('/', prefix.length());
            children.add(slash < 0 ? key : key.substring(0, slash));
        }
        return new ArrayList<>(children);
    }

    @Override
    public synchronized void move(String sourcePath, String destPath) throws IOException {
        StoragePaths.validate(destPath);
        Node n = node(sourcePath);
        objects.remove(sourcePath);
        objects.put(destPath, n);
    }

    @Override
    public synchronized void delete(String path) {
        StoragePaths.validate(path);
        objects.remove(path);
        objects.subMap(dirPrefix(path), dirPrefix(path) + Character.MAX_VALUE).clear();
    }

    private Node node(String path) throws PathNotFoundException {
        StoragePaths.validate(path);
        Node n = objects.get(path);
        if (n == null) {
            throw new PathNotFoundException(path);
        }
        return n;
    }

    private static String dirPrefix(String path) {
        return path.equals("/") ? "/" : path + "/";
    }

    /** One object: a growable byte array. Guarded by the store's lock. */
    private static final class Node {
        byte[] data = new byte[0];
        int length;
        Instant modified;

        Node(Instant modified) {
            this.modified = modified;
        }

        void append(byte[] buf, int off, int len) {
            if (length + len > data.length) {
                data = Arrays.copyOf(data, Math.max(length + len, data.length * 2));
            }
            System.arraycopy(buf, off, data, length, len);
            length += len;
        }
    }

    private final class Writer implements ObjectWriter {
        private final String path;
        private final Node node;
        private boolean closed;

        Writer(String path, Node node) {
            this.path = path;
            this.node = node;
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            synchronized (InMemoryBlobStore.this) {
                if (closed) {
                    throw new IOException("writer closed: " + path);
                }
                node.append(buf, off, len);
                node.modified = clock.instant();
            }
        }

        @Override
        public long size() {
            synchronized (InMemoryBlobStore.this) {
                return node.length;
            }
        }

        @Override
        public void commit() throws IOException {
            synchronized (InMemoryBlobStore.this) {
                if (closed) {
                    throw new IOException("writer closed: " + path);
                }
            }
        }

        @Override
        public void cancel() {
            synchronized (InMemoryBlobStore.this) {
                closed = true;
                if (objects.get(path) == node) {
                    objects.remove(path);
                }
            }
        }

        @Override
        public void close() {
            synchronized (InMemoryBlobStore.this) {
                closed = true;
            }
        }
    }
}
