package io.portus.registry.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.portus.storage.Digest;

/**
 * Parsed {@link ManifestInfo} by digest. Manifest content is immutable, so entries never go stale; the
 * cache is bounded so that a registry with millions of manifests does not keep them all. Lock-free reads
 * (Caffeine): every manifest GET and HEAD looks here.
 */
final class ManifestCache {

    private final Cache<Digest, ManifestInfo> entries;

    ManifestCache(int capacity) {
        this.entries = Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run).build();
    }

    /** The info of the manifest with these bytes (which must hash to {@code digest}). */
    ManifestInfo info(Digest digest, byte[] bytes) {
        ManifestInfo cached = entries.getIfPresent(digest);
        if (cached != null) {
            return cached;
        }
        ManifestInfo info = ManifestParser.describe(bytes);
        put(digest, info);
        return info;
    }

    void put(Digest digest, ManifestInfo info) {
        entries.put(digest, info);
    }
}
