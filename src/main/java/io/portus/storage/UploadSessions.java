package io.portus.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import io.portus.storage.RegistryStorage.Blob;
import io.portus.storage.RegistryStorage.DigestMismatchException;
import io.portus.storage.RegistryStorage.UploadSession;

/**
 * Upload sessions in {@code _uploads/<id>/} (data + startedat, as distribution writes them).
 *
 * <p>Hashing: each append feeds the bytes it writes into a per-session {@link MessageDigest} kept in
 * memory, valid only while the bytes it has seen equal the size of the data object. The common push
 * (one PATCH or PUT with the whole blob) therefore reads the bytes exactly once; after a restart, on
 * another instance, or after an append that failed half-way, the commit re-hashes the file.
 * Appends and commits of one session are serialised within this instance.
 */
final class UploadSessions {

    static final int BUFFER = 128 * 1024;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final BlobStore store;
    private final Clock clock;
    private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

    UploadSessions(BlobStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    UploadSession start(RepositoryName repo) throws IOException {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        store.putContent(StoragePaths.uploadStartedAt(repo, id),
                DateTimeFormatter.ISO_INSTANT.format(now).getBytes(StandardCharsets.US_ASCII));
        return new UploadSession(repo, id, now, 0);
    }

    Optional<UploadSession> find(RepositoryName repo, String id) throws IOException {
        if (!isValidId(id)) {
            return Optional.empty();
        }
        String startedAtPath = StoragePaths.uploadStartedAt(repo, id);
        Optional<Instant> started = startedAt(startedAtPath);
        if (started.isEmpty()) { // missing, or not a time: then the file's own time
            started = store.stat(startedAtPath).map(BlobStore.FileInfo::modified);
            if (started.isEmpty()) {
                return Optional.empty();
            }
        }
        long size = store.stat(StoragePaths.uploadData(repo, id)).map(BlobStore.FileInfo::size).orElse(0L);
        return Optional.of(new UploadSession(repo, id, started.get(), size));
    }

    long append(RepositoryName repo, String id, InputStream body) throws IOException {
        State state = lockedState(repo, id);
        try {
            requireSession(repo, id, state);
            try (BlobStore.ObjectWriter w = store.writer(StoragePaths.uploadData(repo, id), true)) {
                long start = w.size();
                MessageDigest md = state.md != null && state.bytes == start ? state.md
                        : start == 0 ? Digest.newMessageDigest("sha256") : null;
                state.set(md, start);
                byte[] buf = new byte[BUFFER];
                for (int n; (n = body.readNBytes(buf, 0, buf.length)) > 0; ) {
                    state.md = null; // unknown while a chunk is being written
                    w.write(buf, 0, n);
                    if (md != null) {
                        md.update(buf, 0, n);
                        state.set(md, w.size());
                    }
                }
                return w.size();
            }
        } finally {
            state.lock.unlock();
        }
    }

    Blob commit(RepositoryName repo, String id, Digest expected) throws IOException {
        State state = lockedState(repo, id);
        try {
            requireSession(repo, id, state);
            String data = StoragePaths.uploadData(repo, id);
            long size;
            try (BlobStore.ObjectWriter w = store.writer(data, true)) {
                size = w.size();
                w.commit(); // the one fsync of the blob's bytes
            }
            // an object store's writer that received nothing leaves no data object: an empty upload
            boolean noData = size == 0 && store.stat(data).isEmpty();
            Digest actual = state.md != null && state.bytes == size && expected.algorithm().equals("sha256")
                    ? Digest.of("sha256", state.md)
                    : noData ? Digest.of(expected.algorithm(), Digest.newMessageDigest(expected.algorithm()))
                    : hash(data, expected.algorithm());
            state.md = null;
            if (!actual.equals(expected)) {
                store.delete(StoragePaths.uploadDir(repo, id));
                throw new DigestMismatchException(expected, actual);
            }
            String target = StoragePaths.blobData(expected);
            boolean present = store.stat(target).filter(i -> !i.directory() && i.size() == size).isPresent();
            if (!present && noData) {
                store.putContent(target, new byte[0]);
            } else if (!present) {
                store.move(data, target); // verified: now it may become visible
            }
            Links.write(store, StoragePaths.layerLink(repo, expected), expected);
            store.delete(StoragePaths.uploadDir(repo, id));
            return StoredBlob.of(expected, size, store, target);
        } finally {
            states.remove(key(repo, id), state);
            state.lock.unlock();
        }
    }

    boolean cancel(RepositoryName repo, String id) throws IOException {
        if (!isValidId(id)) {
            return false;
        }
        State state = lockedState(repo, id);
        try {
            String dir = StoragePaths.uploadDir(repo, id);
            boolean existed = store.stat(StoragePaths.uploadStartedAt(repo, id)).isPresent();
            store.delete(dir);
            return existed;
        } finally {
            states.remove(key(repo, id), state);
            state.lock.unlock();
        }
    }

    /**
     * Removes one session directory found by the purge walk when it started before {@code cutoff}
     * (by its startedat, or by the directory's modification time when startedat is missing or unreadable).
     */
    boolean purgeIfOlder(String repositoryPath, String sessionDir, Instant cutoff) throws IOException {
        Optional<Instant> started = startedAt(sessionDir + "/startedat");
        if (started.isEmpty()) {
            started = store.stat(sessionDir).map(BlobStore.FileInfo::modified);
        }
        if (started.isEmpty() || !started.get().isBefore(cutoff)) {
            return false;
        }
        store.delete(sessionDir);
        store.purgeIncompleteWrites(sessionDir);
        states.remove(repositoryPath + " " + StoragePaths.baseName(sessionDir));
        return true;
    }

    /** startedat of a session; empty when missing or not an RFC 3339 time. */
    private Optional<Instant> startedAt(String path) throws IOException {
        byte[] content;
        try {
            content = store.getContent(path);
        } catch (PathNotFoundException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(new String(content, StandardCharsets.US_ASCII).trim()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void requireSession(RepositoryName repo, String id, State state) throws IOException {
        if (store.stat(StoragePaths.uploadStartedAt(repo, id)).isEmpty()) {
            states.remove(key(repo, id), state);
            throw new UploadUnknownException(id);
        }
    }

    private State lockedState(RepositoryName repo, String id) throws UploadUnknownException {
        if (!isValidId(id)) {
            throw new UploadUnknownException(String.valueOf(id));
        }
        while (true) {
            State s = states.computeIfAbsent(key(repo, id), k -> new State());
            s.lock.lock();
            if (states.get(key(repo, id)) == s) {
                return s;
            }
            s.lock.unlock(); // removed while we waited: take the current one
        }
    }

    private Digest hash(String path, String algorithm) throws IOException {
        MessageDigest md = Digest.newMessageDigest(algorithm);
        byte[] buf = new byte[2 * BUFFER];
        try (InputStream in = store.reader(path, 0)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return Digest.of(algorithm, md);
    }

    private static String key(RepositoryName repo, String id) {
        return StoragePaths.repository(repo) + " " + id;
    }

    /** In-memory hashing state of one session; guarded by {@code lock}. */
    private static final class State {
        final ReentrantLock lock = new ReentrantLock();
        MessageDigest md;
        long bytes;

        void set(MessageDigest md, long bytes) {
            this.md = md;
            this.bytes = bytes;
        }
    }
}
