package io.portus.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link BlobStore} driver must do. A driver's test extends this and supplies a fresh,
 * empty store per test.
 */
public abstract class BlobStoreContract {

    protected BlobStore store;

    /** A new, empty store. */
    protected abstract BlobStore newStore() throws Exception;

    @BeforeEach
    void createStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    void releaseStore() throws Exception {
        store = null;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] pattern(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + (i >> 8));
        }
        return b;
    }

    @Test
    void putThenGetReturnsTheSameBytes() throws IOException {
        store.putContent("/a/b/c", bytes("hello"));
        assertThat(store.getContent("/a/b/c")).isEqualTo(bytes("hello"));
        var info = store.stat("/a/b/c").orElseThrow();
        assertThat(info.size()).isEqualTo(5);
        assertThat(info.directory()).isFalse();
        assertThat(info.path()).isEqualTo("/a/b/c");
    }

    @Test
    void putReplacesAndEmptyContentIsAnObject() throws IOException {
        store.putContent("/x", bytes("a longer first version"));
        store.putContent("/x", bytes("v2"));
        assertThat(store.getContent("/x")).isEqualTo(bytes("v2"));
        store.putContent("/empty", new byte[0]);
        assertThat(store.getContent("/empty")).isEmpty();
        assertThat(store.stat("/empty")).hasValueSatisfying(i -> assertThat(i.size()).isZero());
    }

    @Test
    void parentsAreDirectories() throws IOException {
        store.putContent("/d1/d2/f", bytes("x"));
        assertThat(store.stat("/d1")).hasValueSatisfying(i -> assertThat(i.directory()).isTrue());
        assertThat(store.stat("/d1/d2")).hasValueSatisfying(i -> assertThat(i.directory()).isTrue());
        assertThat(store.stat("/d1/nope")).isEmpty();
        assertThat(store.stat("/d1/d2/f/below")).isEmpty();
    }

    @Test
    void isObjectIsTrueForObjectsOnly() throws IOException {
        store.putContent("/o/link", bytes("x"));
        assertThat(store.isObject("/o/link")).isTrue();
        assertThat(store.isObject("/o")).isFalse();
        assertThat(store.isObject("/o/missing")).isFalse();
        assertThatThrownBy(() -> store.isObject("/o//x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingObjectsAreReportedAsPathNotFound() throws IOException {
        assertThatThrownBy(() -> store.getContent("/missing")).isInstanceOf(PathNotFoundException.class);
        assertThatThrownBy(() -> store.reader("/missing", 0)).isInstanceOf(PathNotFoundException.class);
        assertThatThrownBy(() -> store.move("/missing", "/elsewhere")).isInstanceOf(PathNotFoundException.class);
        store.putContent("/dir/f", bytes("x"));
        assertThatThrownBy(() -> store.getContent("/dir")).isInstanceOf(PathNotFoundException.class);
        assertThatThrownBy(() -> store.reader("/dir", 0)).isInstanceOf(PathNotFoundException.class);
        assertThat(store.stat("/missing")).isEmpty();
        assertThat(store.list("/missing")).isEmpty();
        store.delete("/missing");
    }

    @Test
    void readerStartsAtOffset() throws IOException {
        byte[] data = pattern(300_000);
        store.putContent("/blob", data);
        try (InputStream in = store.reader("/blob", 0)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        try (InputStream in = store.reader("/blob", 123_457)) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(data, 123_457, data.length));
        }
        try (InputStream in = store.reader("/blob", data.length)) {
            assertThat(in.readAllBytes()).isEmpty();
        }
        assertThatThrownBy(() -> store.reader("/blob", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writerAppendsAcrossTwoWriters() throws IOException {
        try (var w = store.writer("/up/data", true)) {
            assertThat(w.size()).isZero();
            w.write(bytes("hello "), 0, 6);
            assertThat(w.size()).isEqualTo(6);
            w.commit();
        }
        try (var w = store.writer("/up/data", true)) {
            assertThat(w.size()).isEqualTo(6);
            byte[] world = bytes("xxworldxx");
            w.write(world, 2, 5);
            assertThat(w.size()).isEqualTo(11);
            w.commit();
        }
        assertThat(store.getContent("/up/data")).isEqualTo(bytes("hello world"));
        assertThat(store.stat("/up/data").orElseThrow().size()).isEqualTo(11);
    }

    @Test
    void closingWithoutCommitKeepsTheBytes() throws IOException {
        try (var w = store.writer("/partial", true)) {
            w.write(bytes("abc"), 0, 3);
        }
        try (var w = store.writer("/partial", true)) {
            assertThat(w.size()).isEqualTo(3);
            w.write(bytes("d"), 0, 1);
            w.commit();
        }
        assertThat(store.getContent("/partial")).isEqualTo(bytes("abcd"));
    }

    @Test
    void writerWithoutAppendTruncates() throws IOException {
        store.putContent("/t", bytes("old content"));
        try (var w = store.writer("/t", false)) {
            assertThat(w.size()).isZero();
            w.write(bytes("new"), 0, 3);
            w.commit();
        }
        assertThat(store.getContent("/t")).isEqualTo(bytes("new"));
    }

    @Test
    void cancelDiscardsTheObject() throws IOException {
        try (var w = store.writer("/c/data", true)) {
            w.write(bytes("junk"), 0, 4);
            w.cancel();
        }
        assertThat(store.stat("/c/data")).isEmpty();
        assertThatThrownBy(() -> store.getContent("/c/data")).isInstanceOf(PathNotFoundException.class);
    }

    @Test
    void largeWritesRoundTrip() throws IOException {
        byte[] data = pattern(3 * 1024 * 1024 + 17);
        try (var w = store.writer("/big", false)) {
            for (int off = 0; off < data.length; off += 256 * 1024) {
                w.write(data, off, Math.min(256 * 1024, data.length - off));
            }
            w.commit();
        }
        try (InputStream in = store.reader("/big", 0)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void listReturnsDirectChildrenAsFullPaths() throws IOException {
        store.putContent("/r/a", bytes("1"));
        store.putContent("/r/b/x", bytes("2"));
        store.putContent("/r/b/y/z", bytes("3"));
        store.putContent("/r/c/deep/er", bytes("4"));
        store.putContent("/rr/not-a-child", bytes("5"));
        assertThat(store.list("/r")).containsExactlyInAnyOrder("/r/a", "/r/b", "/r/c");
        assertThat(store.list("/r/b")).containsExactlyInAnyOrder("/r/b/x", "/r/b/y");
        assertThat(store.list("/")).containsExactlyInAnyOrder("/r", "/rr");
        assertThat(store.list("/r/a")).isEmpty();
    }

    @Test
    void moveReplacesTheDestinationAndRemovesTheSource() throws IOException {
        store.putContent("/src/data", bytes("new bytes"));
        store.putContent("/dst/x/data", bytes("old"));
        store.move("/src/data", "/dst/x/data");
        assertThat(store.getContent("/dst/x/data")).isEqualTo(bytes("new bytes"));
        assertThat(store.stat("/src/data")).isEmpty();
        store.putContent("/src/data", bytes("again"));
        store.move("/src/data", "/fresh/parents/made/data");
        assertThat(store.getContent("/fresh/parents/made/data")).isEqualTo(bytes("again"));
    }

    @Test
    void deleteGarbageRemovesATreeLikeDelete() throws IOException {
        store.putContent("/g/blobs/x/data", bytes("1"));
        store.putContent("/g/keep", bytes("2"));
        store.deleteGarbage("/g/blobs/x");
        store.deleteGarbage("/g/missing");
        assertThat(store.stat("/g/blobs/x/data")).isEmpty();
        assertThat(store.list("/g/blobs")).isEmpty();
        assertThat(store.getContent("/g/keep")).isEqualTo(bytes("2"));
    }

    @Test
    void deleteRemovesAWholeTreeOrOneObject() throws IOException {
        store.putContent("/t/a", bytes("1"));
        store.putContent("/t/b/c", bytes("2"));
        store.putContent("/t/b/d/e", bytes("3"));
        store.putContent("/tt/keep", bytes("4"));
        store.delete("/t/a");
        assertThat(store.stat("/t/a")).isEmpty();
        assertThat(store.getContent("/t/b/c")).isEqualTo(bytes("2"));
        store.delete("/t");
        assertThat(store.stat("/t")).isEmpty();
        assertThat(store.stat("/t/b/d/e")).isEmpty();
        assertThat(store.list("/t")).isEmpty();
        assertThat(store.getContent("/tt/keep")).isEqualTo(bytes("4"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "relative", "/a//b", "/a/./b", "/a/../b", "/..", "/a/", "/a/.", "/nul\0byte"})
    void invalidPathsAreRejected(String path) {
        assertThatThrownBy(() -> store.stat(path)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.getContent(path)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.putContent(path, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.reader(path, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.writer(path, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.list(path)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete(path)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.move(path, "/ok")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.move("/ok", path)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullPathIsRejected() {
        assertThatThrownBy(() -> store.stat(null)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * How much longer each version of the concurrent-put test is than the one before. S3Proxy's filesystem
     * backend (the tests' S3 server) sends the length of the file it looked at and the bytes of the file it
     * then opened, so its S3 test uses versions of one length (real S3 has no such race).
     */
    protected int versionLengthStep() {
        return 1;
    }

    @Test
    void concurrentPutsOfOnePathLeaveOneWholeVersion() throws Exception {
        int threads = 8;
        List<byte[]> versions = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            byte[] v = pattern(64 * 1024 + i * versionLengthStep());
            v[0] = (byte) i;
            versions.add(v);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (byte[] v : versions) {
                tasks.add(() -> {
                    for (int round = 0; round < 10; round++) {
                        store.putContent("/race/link", v);
                        byte[] seen = store.getContent("/race/link");
                        assertThat(versions).anySatisfy(x -> assertThat(x).isEqualTo(seen));
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        byte[] last = store.getContent("/race/link");
        assertThat(versions).anySatisfy(x -> assertThat(x).isEqualTo(last));
        assertThat(store.list("/race")).containsExactly("/race/link");
    }

    @Test
    void concurrentPutAndDeleteOfATreeNeverFailsThePut() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // fewer deletes than the driver's retries: each delete can fail at most one attempt of a put
            Future<Void> deleter = pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    store.delete("/tree");
                }
                return null;
            });
            Future<Void> putter = pool.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    store.putContent("/tree/tags/t/current/link", bytes("sha256:" + i));
                }
                return null;
            });
            putter.get();
            deleter.get();
        } finally {
            pool.shutdownNow();
        }
        store.putContent("/tree/tags/t/current/link", bytes("final"));
        assertThat(store.getContent("/tree/tags/t/current/link")).isEqualTo(bytes("final"));
    }

    @Test
    void statOfAnObjectHasItsModificationTime() throws IOException {
        store.putContent("/m", bytes("x"));
        assertThat(store.stat("/m").orElseThrow().modified()).isNotNull();
        assertThat(store.stat("/").orElseThrow().directory()).isTrue();
    }

    @Test
    void manyChildrenAreAllListed() throws IOException {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            store.putContent("/many/" + i + "/link", bytes("x"));
            expected.add("/many/" + i);
        }
        assertThat(store.list("/many")).containsExactlyInAnyOrderElementsOf(expected);
    }
}
