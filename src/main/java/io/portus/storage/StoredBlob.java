package io.portus.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/** A blob found in storage: its size came from the data object, reading goes to the driver. */
record StoredBlob(Digest digest, long size, BlobStore store, String path) implements RegistryStorage.Blob {

    @Override
    public Optional<Path> localFile() {
        return store.localFile(path);
    }

    @Override
    public InputStream open(long offset) throws IOException {
        return store.reader(path, offset);
    }
}
