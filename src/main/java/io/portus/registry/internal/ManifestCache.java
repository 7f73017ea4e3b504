package io.portus.registry.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.portus.storage.Digest;

/**
 * Parsed {@link ManifestInfo} by digest. Manifest content is immutable, so entries never go stale; the
 * cache is a small LRU so that a registry with millions of manifests does not keep them all.
 */
final class ManifestCache {

    private final Map<Digest, ManifestInfo> entries;

    ManifestCache(int capacity) {
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Digest, ManifestInfo> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The info of the manifest with these bytes (which must hash to {@code digest}). */
    ManifestInfo info(Digest digest, byte[] bytes) {
        synchronized (entries) {
            ManifestInfo cached = entries.get(digest);
            if (cached != null) {
                return cached;
            }
        }
        ManifestInfo info = ManifestParser.describe(bytes);
        put(digest, info);
        return info;
    }

    void put(Digest digest, ManifestInfo info) {
        synchronized (entries) {
            entries.put(digest, info);
        }
    }
}
