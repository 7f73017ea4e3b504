package io.portus.registry.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import io.portus.registry.event.RegistryEvent;
import io.portus.registry.event.RegistryEvent.Target;
import io.portus.storage.Digest;

/** Builds distribution-style events for what a handler did and hands them to the dispatcher. */
final class Events {

    /**
     * What an event says about the request behind it: an HTTP exchange, or a caller of the registry's API
     * ({@link io.portus.registry.ManifestDeletes}).
     */
    record Context(String requestId, String addr, String host, String method, String userAgent, String actor,
                   int localPort) {

        static Context of(Exchange ex) {
            return new Context(ex.requestId(), ex.request.getRemoteAddr() + ":" + ex.request.getRemotePort(),
                    ex.request.getHeader("Host"), ex.method, ex.request.getHeader("User-Agent"), ex.actor(),
                    ex.request.getLocalPort());
        }
    }

    private final Consumer<RegistryEvent> sink;
    private final String instanceId = UUID.randomUUID().toString();
    private final String hostname = hostname();

    Events(Consumer<RegistryEvent> sink) {
        this.sink = sink;
    }

    /** Push or pull of a manifest ({@code tag} when addressed by tag, else null). */
    void manifest(Exchange ex, String action, Digest digest, ManifestInfo info, String tag) {
        List<RegistryEvent.Descriptor> refs = info.references().stream()
                .map(d -> new RegistryEvent.Descriptor(d.mediaType(), d.digest().toString(), d.size()))
                .toList();
        emit(Context.of(ex), action, new Target(info.mediaType(), info.size(), digest.toString(), info.size(),
                ex.repo().value(), null, ex.baseUrl() + ex.manifestPath(digest), tag, refs));
    }

    /** Push, pull or mount of a blob ({@code from} for a mount, else null). */
    void blob(Exchange ex, String action, Digest digest, long size, String from) {
        emit(Context.of(ex), action, new Target(RegistryEvent.BLOB_MEDIA_TYPE, size, digest.toString(), size,
                ex.repo().value(), from, ex.baseUrl() + ex.blobPath(digest), null, null));
    }

    /** Delete of a manifest or blob: only digest and repository, as distribution sends. */
    void deleted(Exchange ex, Digest digest) {
        deleted(Context.of(ex), ex.repo().value(), digest);
    }

    RegistryEvent deleted(Context context, String repository, Digest digest) {
        return emit(context, RegistryEvent.DELETE, new Target(null, null, digest.toString(), null, repository,
                null, null, null, null));
    }

    RegistryEvent tagDeleted(Context context, String repository, String tag) {
        return emit(context, RegistryEvent.DELETE, new Target(null, null, null, null, repository, null, null, tag, null));
    }

    private RegistryEvent emit(Context context, String action, Target target) {
        var request = new RegistryEvent.Request(context.requestId(), context.addr(), context.host(), context.method(),
                context.userAgent());
        var source = new RegistryEvent.Source(context.localPort() > 0 ? hostname + ":" + context.localPort() : hostname,
                instanceId);
        RegistryEvent event = new RegistryEvent(Ids.uuid(), Instant.now(), action, target, request,
                new RegistryEvent.Actor(context.actor()), source);
        sink.accept(event);
        return event;
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
