package io.portus.auth.token;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RSA 4096 key pair of a first start, searched for on a thread of its own while Spring builds the rest of the
 * application: finding two 2048-bit primes takes 1–5 s on a cold JVM (measured on 2 cores), about a fifth of a
 * first start, and nothing else waits for it until the token signing key is made. {@link #start} is called early
 * (by {@link SigningKeyPrefetch}) for the directory {@link SelfSignedCertificate#ensure} will write to;
 * {@code ensure} then {@link #take takes} the pair. At most a few directories are pending (one per start).
 */
final class KeyPrefetch {

    private static final int MAX_PENDING = 4;
    private static final Map<Path, CompletableFuture<KeyPair>> PENDING = new ConcurrentHashMap<>();

    private KeyPrefetch() {
    }

    /** Starts generating the pair for {@code dir} when it holds no key yet. */
    static void start(Path dir) {
        Path key = normal(dir);
        if (Files.exists(key.resolve("key.pem")) || PENDING.size() >= MAX_PENDING) {
            return;
        }
        PENDING.computeIfAbsent(key, k -> {
            CompletableFuture<KeyPair> keys = new CompletableFuture<>();
            Thread.ofPlatform().daemon().name("key-prefetch").start(() -> {
                try {
                    keys.complete(SelfSignedCertificate.newKeys(null));
                } catch (RuntimeException | Error e) {
                    keys.completeExceptionally(e);
                }
            });
            return keys;
        });
    }

    /** The pair started for {@code dir}, waiting for it if need be; empty when none was started. */
    static Optional<KeyPair> take(Path dir) {
        CompletableFuture<KeyPair> keys = PENDING.remove(normal(dir));
        if (keys == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(keys.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static Path normal(Path dir) {
        return dir.toAbsolutePath().normalize();
    }
}
