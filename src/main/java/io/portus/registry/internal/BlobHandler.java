package io.portus.registry.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import io.portus.registry.event.RegistryEvent;
import io.portus.storage.Digest;
import io.portus.storage.RegistryStorage;
import io.portus.storage.RegistryStorage.Blob;
import io.portus.storage.RegistryStorage.RedirectableBlob;

/**
 * {@code /v2/<name>/blobs/<digest>}: GET/HEAD with {@code Docker-Content-Digest}, {@code ETag},
 * {@code Accept-Ranges} and single {@code Range} requests (206 with {@code Content-Range}, 416 when
 * unsatisfiable), body sent by {@link BlobSender}; DELETE unlinks the blob from the repository (405
 * UNSUPPORTED when deletes are disabled). A GET of a blob the storage can serve itself (S3) answers 307 to a
 * presigned URL valid for 20 minutes, as distribution does, unless redirects are disabled; HEAD never redirects.
 */
final class BlobHandler implements Handler {

    private final RegistryStorage storage;
    private final Events events;
    /** distribution's s3 driver signs its redirect URLs for 20 minutes. */
    static final Duration REDIRECT_VALIDITY = Duration.ofMinutes(20);

    private final boolean deleteEnabled;
    private final boolean redirect;

    BlobHandler(RegistryStorage storage, Events events, boolean deleteEnabled, boolean redirect) {
        this.storage = storage;
        this.events = events;
        this.deleteEnabled = deleteEnabled;
        this.redirect = redirect;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        switch (ex.method) {
            case "GET", "HEAD" -> get(ex);
            case "DELETE" -> delete(ex);
            default -> throw Handler.unsupported(ex);
        }
    }

    private void get(Exchange ex) throws IOException {
        Digest digest = Reference.digest(ex.route.reference());
        Blob blob = storage.blob(ex.repo(), digest).orElseThrow(() -> unknown(digest));
        long size = blob.size();
        ByteRange.Result range = ex.header("If-Range") == null || Etags.matches(ex.header("If-Range"), digest)
                ? ByteRange.parse(ex.header("Range"), size) : new ByteRange.Whole();
        if (range instanceof ByteRange.Unsatisfiable) {
            throw new RegistryException(ErrorCode.RANGE_INVALID, "requested range not satisfiable for a blob of "
                    + size + " bytes").withHeader("Content-Range", "bytes */" + size);
        }
        ex.header(Headers.CONTENT_DIGEST, digest.toString());
        ex.header("ETag", "\"" + digest + "\"");
        ex.header("Accept-Ranges", "bytes");
        ex.header("Cache-Control", "max-age=31536000");
        events.blob(ex, RegistryEvent.PULL, digest, size, null);
        if (Etags.matches(ex.header("If-None-Match"), digest)) {
            ex.response.setStatus(304);
            return;
        }
        if (redirect && !ex.head() && blob instanceof RedirectableBlob remote) {
            ex.response.setStatus(307);
            ex.header("Location", remote.presignedGet(REDIRECT_VALIDITY).toString());
            return;
        }
        ex.response.setContentType(Headers.OCTET_STREAM);
        if (range instanceof ByteRange.Partial(ByteRange part)) {
            ex.response.setStatus(206);
            ex.header("Content-Range", part.contentRange(size));
            BlobSender.send(ex, blob, part.start(), part.length());
        } else {
            ex.response.setStatus(200);
            BlobSender.send(ex, blob, 0, size);
        }
    }

    private void delete(Exchange ex) throws IOException {
        Digest digest = Reference.digest(ex.route.reference());
        if (!deleteEnabled) {
            throw new RegistryException(ErrorCode.UNSUPPORTED, "deletes are disabled on this registry"
                    + " (portus.registry.storage.delete-enabled / REGISTRY_STORAGE_DELETE_ENABLED)");
        }
        if (!storage.deleteBlob(ex.repo(), digest)) {
            throw unknown(digest);
        }
        ex.sendEmpty(202);
        events.deleted(ex, digest);
    }

    private static RegistryException unknown(Digest digest) {
        return new RegistryException(ErrorCode.BLOB_UNKNOWN, "blob unknown to registry", Map.of("digest", digest.toString()));
    }
}
