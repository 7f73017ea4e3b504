package io.portus.registry.internal;

import java.io.IOException;
import java.util.Optional;

import io.portus.registry.event.RegistryEvent;
import io.portus.storage.Digest;
import io.portus.storage.RegistryStorage;
import io.portus.storage.RegistryStorage.Blob;
import io.portus.storage.RegistryStorage.UploadSession;
import io.portus.storage.RepositoryName;

/**
 * {@code POST /v2/<name>/blobs/uploads/}: {@code ?mount=<digest>&from=<repo>} links a blob from another
 * repository (201, or a new session when {@code from} lacks it or is absent); {@code ?digest=<digest>} with
 * a body is a monolithic upload (201); otherwise a new session (202, {@code Location}, {@code Range: 0-0}).
 */
final class UploadStartHandler implements Handler {

    private final RegistryStorage storage;
    private final Events events;
    private final UploadBodies bodies;

    UploadStartHandler(RegistryStorage storage, Events events, UploadBodies bodies) {
        this.storage = storage;
        this.events = events;
        this.bodies = bodies;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        if (ex.query.has("mount")) {
            Digest digest = Reference.digest(ex.query.first("mount"));
            String from = ex.query.first("from");
            if (RepositoryName.isValid(from)) {
                Optional<Blob> mounted = storage.mountBlob(ex.repo(), new RepositoryName(from), digest);
                if (mounted.isPresent()) {
                    created(ex, digest);
                    events.blob(ex, RegistryEvent.MOUNT, digest, mounted.get().size(), from);
                    return;
                }
            }
        } else if (ex.query.has("digest")) {
            monolithic(ex, Reference.digest(ex.query.first("digest")));
            return;
        }
        UploadSession session = storage.startUpload(ex.repo());
        ex.header("Location", ex.uploadPath(session.id()));
        ex.header(Headers.UPLOAD_UUID, session.id());
        ex.header("Range", "0-0");
        ex.sendEmpty(202);
    }

    private void monolithic(Exchange ex, Digest digest) throws IOException {
        UploadSession session = storage.startUpload(ex.repo());
        Blob blob;
        try {
            bodies.append(ex, session.id(), null);
            blob = bodies.commit(ex, session.id(), digest);
        } catch (IOException | RuntimeException e) {
            bodies.cancelQuietly(ex, session.id());
            throw e;
        }
        created(ex, digest);
        events.blob(ex, RegistryEvent.PUSH, digest, blob.size(), null);
    }

    private static void created(Exchange ex, Digest digest) {
        ex.header("Location", ex.blobPath(digest));
        ex.header(Headers.CONTENT_DIGEST, digest.toString());
        ex.sendEmpty(201);
    }
}
