package io.portus.auth.authn.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Successful password verifications, remembered for a short time so repeated Basic credentials (CI
 * fleets) do not pay bcrypt on every token request. Keys are HMAC-SHA256, under a per-process random
 * key, of user id + credentials stamp + secret: nothing usable is kept in memory, and a password change or
 * disable (new stamp) misses at once. Failures are never remembered. Concurrent first checks of the same
 * key share one bcrypt computation. At most {@code maxEntries} successes are kept (Caffeine: the least
 * useful go first, each for at most the time to live after its check).
 */
final class VerifiedCredentials {

    private final Mac prototype;
    private final boolean enabled;
    private final Cache<String, Boolean> verified;
    /** One entry per check in progress, removed when it ends: bounded by the concurrent requests. */
    private final ConcurrentHashMap<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();

    VerifiedCredentials(Duration ttl, int maxEntries) {
        this.enabled = ttl.isPositive() && maxEntries > 0;
        this.verified = Caffeine.newBuilder().maximumSize(Math.max(0, maxEntries))
                .expireAfterWrite(ttl.isPositive() ? ttl : Duration.ofNanos(1)).executor(Runnable::run).build();
        try {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    String key(long userId, String credentialsStamp, String secret) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        mac.update((userId + "\u0000" + credentialsStamp + "\u0000").getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
    }

    boolean contains(String key) {
        return enabled && verified.getIfPresent(key) != null;
    }

    /** Runs {@code check} once for concurrent callers of the same key; remembers a success. */
    boolean verify(String key, BooleanSupplier check) {
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running.join();
        }
        try {
            boolean ok = check.getAsBoolean();
            if (ok) {
                remember(key);
            }
            mine.complete(ok);
            return ok;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private void remember(String key) {
        if (enabled) {
            verified.put(key, Boolean.TRUE);
        }
    }
}
