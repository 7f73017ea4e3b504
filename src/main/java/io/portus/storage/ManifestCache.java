package io.portus.storage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.Optional;

/**
 * Small manifests by digest, bounded by their total size. Safe across instances because the bytes of a
 * digest never change; whether a repository still has the manifest is checked on every read. Lock-free
 * reads (Caffeine): a manifest GET at 64 connections used to queue on one monitor here.
 */
final class ManifestCache {

    static final int MAX_ITEM_BYTES = 64 * 1024;
    private final Cache<Digest, byte[]> entries;

    ManifestCache(long maxBytes) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Digest d, byte[] content) -> content.length)
                .executor(Runnable::run)
                .build();
    }

    Optional<byte[]> get(Digest d) {
        return Optional.ofNullable(entries.getIfPresent(d));
    }

    /** Keeps {@code content} (not copied: callers must not change it). */
    void put(Digest d, byte[] content) {
        if (content.length > MAX_ITEM_BYTES) {
            return;
        }
        entries.asMap().putIfAbsent(d, content);
    }
}
