package io.portus.registry.internal;

import java.io.IOException;
import java.util.Map;

import io.portus.registry.event.RegistryEvent;
import io.portus.storage.Digest;
import io.portus.storage.RegistryStorage;
import io.portus.storage.RegistryStorage.Blob;

/**
 * {@code /v2/<name>/blobs/<digest>}: GET/HEAD with {@code Docker-Content-Digest}, {@code ETag},
 * {@code Accept-Ranges} and single {@code Range} requests (206 with {@code Content-Range}, 416 when
 * unsatisfiable), body sent by {@link BlobSender}; DELETE unlinks the blob from the repository (405
 * UNSUPPORTED when deletes are disabled).
 */
final class BlobHandler implements Handler {

    private final RegistryStorage storage;
    private final Events events;
    private final boolean deleteEnabled;

    BlobHandler(RegistryStorage storage, Events events, boolean deleteEnabled) {
        this.storage = storage;
        this.events = events;
        this.deleteEnabled = deleteEnabled;
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
