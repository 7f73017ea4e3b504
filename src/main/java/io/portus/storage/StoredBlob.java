package io.portus.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A blob found in storage: its size came from the data object, reading goes to the driver. Which
 * optional capabilities it has ({@link RegistryStorage.LocalFileBlob}, {@link RegistryStorage.RedirectableBlob})
 * follows from the driver's ({@link LocalFiles}, {@link PresignedReads}).
 */
final class StoredBlob {

    private StoredBlob() {
    }

    static RegistryStorage.Blob of(Digest digest, long size, BlobStore store, String path) {
        if (store instanceof LocalFiles files) {
            return new Local(digest, size, store, path, files);
        }
        if (store instanceof PresignedReads presigner) {
            return new Redirectable(digest, size, store, path, presigner);
        }
        return new Plain(digest, size, store, path);
    }

    record Plain(Digest digest, long size, BlobStore store, String path) implements RegistryStorage.Blob {

        @Override
        public InputStream open(long offset) throws IOException {
            return store.reader(path, offset);
        }

        @Override
        public InputStream open(long offset, long length) throws IOException {
            return store.reader(path, offset, length);
        }
    }

    record Local(Digest digest, long size, BlobStore store, String path, LocalFiles files)
            implements RegistryStorage.Blob, RegistryStorage.LocalFileBlob {

        @Override
        public Optional<Path> localFile() {
            return files.localFile(path);
        }

        @Override
        public InputStream open(long offset) throws IOException {
            return store.reader(path, offset);
        }
    }

    record Redirectable(Digest digest, long size, BlobStore store, String path, PresignedReads presigner)
            implements RegistryStorage.Blob, RegistryStorage.RedirectableBlob {

        @Override
        public URI presignedGet(Duration validity) throws IOException {
            return presigner.presignedGet(path, validity);
        }

        @Override
        public InputStream open(long offset) throws IOException {
            return store.reader(path, offset);
        }

        @Override
        public InputStream open(long offset, long length) throws IOException {
            return store.reader(path, offset, length);
        }
    }
}
