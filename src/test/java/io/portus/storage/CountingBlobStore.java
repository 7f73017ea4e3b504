package io.portus.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Passes everything to a driver and counts the readers opened and the stats, to check what reads how often. */
final class CountingBlobStore implements BlobStore {

    final AtomicInteger readers = new AtomicInteger();
    final AtomicInteger stats = new AtomicInteger();
    private final BlobStore delegate;

    CountingBlobStore(BlobStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Optional<FileInfo> stat(String path) throws IOException {
        stats.incrementAndGet();
        return delegate.stat(path);
    }

    @Override
    public byte[] getContent(String path) throws IOException {
        return delegate.getContent(path);
    }

    @Override
    public void putContent(String path, byte[] content) throws IOException {
        delegate.putContent(path, content);
    }

    @Override
    public InputStream reader(String path, long offset) throws IOException {
        readers.incrementAndGet();
        return delegate.reader(path, offset);
    }

    @Override
    public ObjectWriter writer(String path, boolean append) throws IOException {
        return delegate.writer(path, append);
    }

    @Override
    public List<String> list(String path) throws IOException {
        return delegate.list(path);
    }

    @Override
    public void move(String sourcePath, String destPath) throws IOException {
        delegate.move(sourcePath, destPath);
    }

    @Override
    public void delete(String path) throws IOException {
        delegate.delete(path);
    }
}
