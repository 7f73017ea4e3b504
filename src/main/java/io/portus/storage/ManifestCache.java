package io.portus.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Small manifests by digest, least recently used out first. Safe across instances because the bytes
 * of a digest never change; whether a repository still has the manifest is checked on every read.
 */
final class ManifestCache {

    static final int MAX_ITEM_BYTES = 64 * 1024;
    private final long maxBytes;
    private long bytes;
    private final LinkedHashMap<Digest, byte[]> entries = new LinkedHashMap<>(256, 0.75f, true);

    ManifestCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized Optional<byte[]> get(Digest d) {
        return Optional.ofNullable(entries.get(d));
    }

    /** Keeps {@code content} (not copied: callers must not change it). */
    synchronized void put(Digest d, byte[] content) {
        if (content.length > MAX_ITEM_BYTES || entries.containsKey(d)) {
            return;
        }
        entries.put(d, content);
        bytes += content.length;
        var it = entries.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            Map.Entry<Digest, byte[]> eldest = it.next();
            bytes -= eldest.getValue().length;
            it.remove();
        }
    }
}
