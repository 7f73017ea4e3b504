package io.portus.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import io.portus.storage.Digest;
import io.portus.storage.RegistryStorage;
import io.portus.storage.RegistryStorage.Blob;
import io.portus.storage.RegistryStorage.DigestMismatchException;
import io.portus.storage.RegistryStorage.UploadSession;
import io.portus.storage.UploadUnknownException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moving request bodies into upload sessions: {@code Content-Range} checks (the chunk must start at the
 * session's current size, else 416 with the session's {@code Range} so the client can resume), appending
 * exactly the announced bytes, and committing under a digest (400 DIGEST_INVALID on mismatch).
 */
final class UploadBodies {

    private static final Logger log = LoggerFactory.getLogger(UploadBodies.class);

    private final RegistryStorage storage;

    UploadBodies(RegistryStorage storage) {
        this.storage = storage;
    }

    /** The session, or 404 BLOB_UPLOAD_UNKNOWN. */
    UploadSession session(Exchange ex, String id) throws IOException {
        if (!validId(id)) {
            throw unknown(id);
        }
        return storage.upload(ex.repo(), id).orElseThrow(() -> unknown(id));
    }

    /**
     * The chunk's range from {@code Content-Range}, checked against the session; null when the header is
     * absent (a streamed chunk: append whatever comes).
     */
    ContentRange range(Exchange ex, UploadSession session) {
        String header = ex.header("Content-Range");
        if (header == null) {
            return null;
        }
        ContentRange range = ContentRange.parse(header).orElseThrow(() -> rangeError(ex, session,
                "Content-Range must be <start>-<end> (inclusive, no unit), got " + abbreviate(header)));
        if (range.start() != session.size()) {
            throw rangeError(ex, session, "chunk starts at " + range.start() + " but the upload holds "
                    + session.size() + " bytes");
        }
        long declared = ex.request.getContentLengthLong();
        if (declared >= 0 && declared != range.length()) {
            throw rangeError(ex, session, "Content-Length " + declared + " does not match Content-Range " + header);
        }
        return range;
    }

    /**
     * Appends the request body (exactly {@code range.length()} bytes when a range is given) and returns
     * the session's new size.
     */
    long append(Exchange ex, String id, ContentRange range) throws IOException {
        InputStream body = ex.body();
        long size;
        try {
            size = storage.appendUpload(ex.repo(), id, range == null ? body : new LimitedInputStream(body, range.length()));
        } catch (UploadUnknownException e) {
            throw unknown(id);
        }
        ex.requireCompleteBody(Headers.uploadRange(size));
        if (range == null) {
            return size;
        }
        if (size != range.end() + 1) {
            throw new RegistryException(ErrorCode.SIZE_INVALID, "the body ended before the end of its Content-Range;"
                    + " the upload now holds " + size + " bytes")
                    .withHeader("Range", Headers.uploadRange(size)).withHeader("Location", ex.uploadPath(id));
        }
        if (body.read() >= 0) {
            throw new RegistryException(ErrorCode.SIZE_INVALID, "the body is longer than its Content-Range;"
                    + " only the announced bytes were kept")
                    .withHeader("Range", Headers.uploadRange(size)).withHeader("Location", ex.uploadPath(id));
        }
        return size;
    }

    /** Verifies and commits the session as a blob of the repository. */
    Blob commit(Exchange ex, String id, Digest digest) throws IOException {
        try {
            return storage.commitUpload(ex.repo(), id, digest);
        } catch (UploadUnknownException e) {
            throw unknown(id);
        } catch (DigestMismatchException e) {
            throw new RegistryException(ErrorCode.DIGEST_INVALID, e.getMessage() + "; the upload was cancelled",
                    Map.of("digest", digest.toString()));
        }
    }

    void cancelQuietly(Exchange ex, String id) {
        try {
            storage.cancelUpload(ex.repo(), id);
        } catch (IOException | RuntimeException e) {
            log.debug("could not cancel upload {}: {}", id, e.toString());
        }
    }

    /** Upload ids are ours (UUIDs); anything outside a safe alphabet cannot be one. */
    static boolean validId(String id) {
        if (id == null || id.isEmpty() || id.length() > 128) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static RegistryException unknown(String id) {
        return new RegistryException(ErrorCode.BLOB_UPLOAD_UNKNOWN, "upload session unknown (finished, cancelled or expired)",
                Map.of("uuid", abbreviate(id)));
    }

    private static RegistryException rangeError(Exchange ex, UploadSession session, String message) {
        return new RegistryException(ErrorCode.RANGE_INVALID, message)
                .withHeader("Range", Headers.uploadRange(session.size()))
                .withHeader("Location", ex.uploadPath(session.id()))
                .withHeader(Headers.UPLOAD_UUID, session.id());
    }

    private static String abbreviate(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "...";
    }
}
