package io.portus.registry.internal;

import java.io.IOException;
import java.util.Map;

import io.portus.registry.PushRules;
import io.portus.registry.event.RegistryEvent;
import io.portus.storage.Digest;
import io.portus.storage.RegistryStorage;

/**
 * {@code /v2/<name>/manifests/<reference>}: GET/HEAD serve the exact stored bytes with their media type,
 * {@code Docker-Content-Digest} and {@code Etag} ({@code If-None-Match} → 304); DELETE by tag removes the
 * tag only, by digest the manifest and every tag on it (a rule's refusal: 403 {@code DENIED}); PUT is {@link ManifestPut}.
 */
final class ManifestHandler implements Handler {

    private final RegistryStorage storage;
    private final ManifestCache cache;
    private final Events events;
    private final ManifestPut put;
    private final StorageDeletes deletes;

    ManifestHandler(RegistryStorage storage, ManifestCache cache, Events events, ManifestPut put, StorageDeletes deletes) {
        this.storage = storage;
        this.cache = cache;
        this.events = events;
        this.put = put;
        this.deletes = deletes;
    }

    @Override
    public void handle(Exchange ex) throws IOException {
        switch (ex.method) {
            case "GET", "HEAD" -> get(ex);
            case "PUT" -> put.handle(ex);
            case "DELETE" -> delete(ex);
            default -> throw Handler.unsupported(ex);
        }
    }

    private void get(Exchange ex) throws IOException {
        Reference ref = Reference.lookup(ex.route.reference());
        Digest digest = ref.byTag() ? storage.resolveTag(ex.repo(), ref.tag()).orElseThrow(() -> unknown(ref)) : ref.digest();
        byte[] bytes = storage.manifest(ex.repo(), digest).orElseThrow(() -> unknown(ref));
        ManifestInfo info = cache.info(digest, bytes);
        String etag = "\"" + digest + "\"";
        ex.header(Headers.CONTENT_DIGEST, digest.toString());
        ex.header("ETag", etag);
        events.manifest(ex, RegistryEvent.PULL, digest, info, ref.tag());
        if (Etags.matches(ex.header("If-None-Match"), digest)) {
            ex.response.setStatus(304);
            return;
        }
        ex.sendBytes(200, info.mediaType(), bytes);
    }

    private void delete(Exchange ex) throws IOException {
        Reference ref = Reference.lookup(ex.route.reference());
        if (!deletes.enabled()) {
            throw new RegistryException(ErrorCode.UNSUPPORTED, "deletes are disabled on this registry"
                    + " (portus.registry.storage.delete-enabled / REGISTRY_STORAGE_DELETE_ENABLED)");
        }
        boolean deleted;
        try {
            deleted = ref.byTag()
                    ? deletes.deleteTag(ex.repo(), ref.tag(), Events.Context.of(ex)).isPresent()
                    : deletes.deleteManifest(ex.repo(), ref.digest(), Events.Context.of(ex)).isPresent();
        } catch (PushRules.Refused e) {
            throw new RegistryException(ErrorCode.DENIED, e.getMessage(),
                    Map.of(ref.byTag() ? "tag" : "digest", ref.byTag() ? ref.tag() : ref.digest().toString()));
        }
        if (!deleted) {
            throw unknown(ref);
        }
        ex.sendEmpty(202);
    }

    private static RegistryException unknown(Reference ref) {
        return new RegistryException(ErrorCode.MANIFEST_UNKNOWN, "manifest unknown",
                Map.of(ref.byTag() ? "tag" : "digest", ref.byTag() ? ref.tag() : ref.digest().toString()));
    }
}
