package io.portus.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FilesystemBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path dir;

    @Override
    protected BlobStore newStore() throws IOException {
        return new FilesystemBlobStore(dir.resolve("root"));
    }

    @Test
    void objectsAreFilesUnderTheRoot() throws IOException {
        store.putContent("/docker/registry/v2/x/link", bytes("sha256:abc"));
        Path f = dir.resolve("root/docker/registry/v2/x/link");
        assertThat(f).hasContent("sha256:abc");
        assertThat(((FilesystemBlobStore) store).localFile("/docker/registry/v2/x/link")).contains(f);
        assertThat(((FilesystemBlobStore) store).localFile("/docker/registry/v2/x")).isEmpty();
        assertThat(((FilesystemBlobStore) store).localFile("/nothing")).isEmpty();
    }

    @Test
    void putLeavesNoTemporaryFilesBehind() throws IOException {
        for (int i = 0; i < 5; i++) {
            store.putContent("/d/f", bytes("v" + i));
        }
        try (var files = Files.list(dir.resolve("root/d"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("f");
        }
    }

    @Test
    void hiddenFilesAreNotListed() throws IOException {
        store.putContent("/d/f", bytes("x"));
        Files.writeString(dir.resolve("root/d/.f.crashed.tmp"), "left by a crash");
        assertThat(store.list("/d")).containsExactly("/d/f");
    }

    @Test
    void symlinkedTreesAreDeletedWithoutFollowingTheLink() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("keep"), "precious");
        store.putContent("/t/f", bytes("x"));
        Files.createSymbolicLink(dir.resolve("root/t/link"), outside);
        store.delete("/t");
        assertThat(outside.resolve("keep")).hasContent("precious");
        assertThat(store.stat("/t")).isEmpty();
    }
}
