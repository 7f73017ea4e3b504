package io.portus.registry.internal;

import java.io.IOException;

import io.portus.registry.event.RegistryEvent;
import io.portus.storage.Digest;
import io.portus.storage.RegistryStorage;
import io.portus.storage.RegistryStorage.Blob;
import io.portus.storage.RegistryStorage.UploadSession;

/**
 * {@code /v2/<name>/blobs/uploads/<id>}: GET status (204 + {@code Range}), PATCH a chunk (streamed, or with
 * an inclusive {@code Content-Range} that must continue the session), PUT {@code ?digest=} to close (an
 * optional last chunk in the body; 201 + blob {@code Location}), DELETE to cancel (204).
 */
final class UploadHandler implements Handler {

    private final RegistryStorage storage;
    private final Events events;
    private final UploadBodies bodies;

    UploadHandler(RegistryStorage storage, Events events, UploadBodies bodies) {
        this.storage = storage;
        this.events = events;
        this.bodies = bodies;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        String id = ex.route.reference();
        switch (ex.method) {
            case "GET", "HEAD" -> progress(ex, bodies.session(ex, id).size(), 204);
            case "PATCH" -> patch(ex, id);
            case "PUT" -> put(ex, id);
            case "DELETE" -> {
                if (!UploadBodies.validId(id) || !storage.cancelUpload(ex.repo(), id)) {
                    throw UploadBodies.unknown(id);
                }
                ex.sendEmpty(204);
            }
            default -> throw Handler.unsupported(ex);
        }
    }

    private void patch(Exchange ex, String id) throws IOException {
        UploadSession session = bodies.session(ex, id);
        ContentRange range = bodies.range(ex, session);
        long size = bodies.append(ex, id, range);
        progress(ex, size, 202);
    }

    private void put(Exchange ex, String id) throws IOException {
        Digest digest = Reference.digest(ex.query.first("digest"));
        UploadSession session = bodies.session(ex, id);
        ContentRange range = bodies.range(ex, session);
        if (range != null || ex.request.getContentLengthLong() != 0) {
            bodies.append(ex, id, range);
        }
        Blob blob = bodies.commit(ex, id, digest);
        ex.header("Location", ex.blobPath(digest));
        ex.header(Headers.CONTENT_DIGEST, digest.toString());
        ex.sendEmpty(201);
        events.blob(ex, RegistryEvent.PUSH, digest, blob.size(), null);
    }

    private static void progress(Exchange ex, long size, int status) {
        ex.header("Location", ex.uploadPath(ex.route.reference()));
        ex.header("Range", Headers.uploadRange(size));
        ex.header(Headers.UPLOAD_UUID, ex.route.reference());
        ex.sendEmpty(status);
    }
}
