package io.portus.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The content store as the registry sees it: repository-scoped blobs, upload sessions, manifests,
 * tags, referrers and the catalog, laid out on a {@link BlobStore} in CNCF distribution's layout
 * (see {@link StoragePaths}). Implementations are thread-safe; concurrent pushes of the same blob,
 * manifest or tag are safe (last writer wins for tags, content-addressed data is idempotent).
 *
 * <p>Durability: every method that changes state returns only after the change is durable; a blob
 * becomes visible only after its digest and length were verified.
 */
public interface RegistryStorage {

    // ---- blobs ------------------------------------------------------------------------------

    /** A blob linked into {@code repo} (as a layer/config, or as a manifest revision). */
    Optional<Blob> blob(RepositoryName repo, Digest digest) throws IOException;

    /** Unlinks a blob from {@code repo}; false when it was not linked there. */
    boolean deleteBlob(RepositoryName repo, Digest digest) throws IOException;

    /**
     * Links a blob that {@code from} has into {@code repo} (cross-repository mount); the blob's size,
     * or empty when {@code from} does not have it.
     */
    Optional<Blob> mountBlob(RepositoryName repo, RepositoryName from, Digest digest) throws IOException;

    // ---- upload sessions --------------------------------------------------------------------

    UploadSession startUpload(RepositoryName repo) throws IOException;

    /** The session, with its current size; empty when unknown (or purged/finished). */
    Optional<UploadSession> upload(RepositoryName repo, String uploadId) throws IOException;

    /**
     * Appends {@code body} to the session and returns its new size. If the stream ends early the bytes
     * received so far stay appended, so the client can resume from the reported size.
     *
     * @throws UploadUnknownException when the session does not exist (or the id is malformed)
     */
    long appendUpload(RepositoryName repo, String uploadId, InputStream body) throws IOException;

    /**
     * Verifies the session's content against {@code expected} (digest, and length when given), then
     * makes it a blob of {@code repo} and closes the session.
     *
     * @throws DigestMismatchException when the content does not hash to {@code expected} (the session is
     *                                 cancelled, as distribution does)
     * @throws UploadUnknownException  when the session does not exist (or the id is malformed)
     */
    Blob commitUpload(RepositoryName repo, String uploadId, Digest expected) throws IOException;

    /** Cancels a session; false when it did not exist. */
    boolean cancelUpload(RepositoryName repo, String uploadId) throws IOException;

    /** Removes upload sessions started before {@code now - olderThan}; returns how many. */
    int purgeUploads(Duration olderThan) throws IOException;

    // ---- manifests and tags -----------------------------------------------------------------

    /** Exact bytes of a manifest revision of {@code repo}. */
    Optional<byte[]> manifest(RepositoryName repo, Digest digest) throws IOException;

    /**
     * Stores manifest bytes (their digest is {@code digest}, already verified by the caller) as a
     * revision of {@code repo}; with a subject it is also indexed as a referrer of that subject.
     */
    void putManifest(RepositoryName repo, Digest digest, byte[] content, Optional<Digest> subject) throws IOException;

    /** Points {@code tag} at {@code digest} (creating or moving it). */
    void tag(RepositoryName repo, String tag, Digest digest) throws IOException;

    /** The digest a tag points at. */
    Optional<Digest> resolveTag(RepositoryName repo, String tag) throws IOException;

    /** Deletes a tag only (the manifest stays); false when the tag did not exist. */
    boolean deleteTag(RepositoryName repo, String tag) throws IOException;

    /**
     * Deletes a manifest revision and every tag pointing at it; returns the deleted tags, or empty
     * when the manifest was not a revision of {@code repo}.
     */
    Optional<List<String>> deleteManifest(RepositoryName repo, Digest digest) throws IOException;

    /** Tags of a repository, sorted lexically; empty when the repository does not exist. */
    Optional<List<String>> tags(RepositoryName repo) throws IOException;

    /** Tags currently pointing at {@code digest}, sorted. */
    List<String> tagsOf(RepositoryName repo, Digest digest) throws IOException;

    /** Manifests of {@code repo} that declared {@code subject} as their subject. */
    List<Digest> referrers(RepositoryName repo, Digest subject) throws IOException;

    // ---- catalog -----------------------------------------------------------------------------

    /** Repository names after {@code last} (exclusive, null = from the start), sorted, at most {@code limit}. */
    List<String> repositories(String last, int limit) throws IOException;

    /** True when the repository has at least one manifest revision, tag or blob link. */
    boolean repositoryExists(RepositoryName repo) throws IOException;

    // ---- values -------------------------------------------------------------------------------

    /**
     * A stored blob: its size, and how to read it. Drivers may add capabilities ({@link LocalFileBlob},
     * {@link RedirectableBlob}); the registry checks for them and otherwise streams the bytes.
     */
    interface Blob {
        Digest digest();

        long size();

        /** The bytes from {@code offset} to the end. */
        InputStream open(long offset) throws IOException;

        /** {@code length} bytes from {@code offset} (drivers that fetch ranges ask for no more). */
        default InputStream open(long offset, long length) throws IOException {
            return open(offset);
        }
    }

    /** A blob held in a local file (filesystem driver): the container may send it zero-copy. */
    interface LocalFileBlob {
        /** The file holding exactly the blob; empty when it went away. */
        Optional<Path> localFile();
    }

    /** A blob a client can download from the store itself (S3: a presigned GET URL). */
    interface RedirectableBlob {
        URI presignedGet(Duration validity) throws IOException;
    }

    /** An upload session: id, when it started, bytes received so far. */
    record UploadSession(RepositoryName repository, String id, Instant startedAt, long size) {
    }

    /** The uploaded content does not hash to the digest the client gave. */
    final class DigestMismatchException extends IOException {
        public DigestMismatchException(Digest expected, Digest actual) {
            super("digest mismatch: expected " + expected + ", content is " + actual);
        }
    }

    /**
     * The same storage without the collector's {@link ContentGuard}: for the server's own reads (catalog sync,
     * usage recounts) that hand no digest to a client. Through the guard they would record every digest as in
     * use, which keeps it from the collector for a grace period and costs a database write per digest.
     */
    default RegistryStorage unguarded() {
        return this;
    }
}
