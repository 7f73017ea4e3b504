package io.portus.auth.authn.internal;

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
 * key share one bcrypt computation.
 */
final class VerifiedCredentials {

    private final Mac prototype;
    private final long ttlNanos;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Long> verified = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();

    VerifiedCredentials(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
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
        if (ttlNanos <= 0) {
            return false;
        }
        Long expires = verified.get(key);
        if (expires == null) {
            return false;
        }
        if (System.nanoTime() - expires < 0) {
            return true;
        }
        verified.remove(key, expires);
        return false;
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

    int size() {
        return verified.size();
    }

    private void remember(String key) {
        if (ttlNanos <= 0) {
            return;
        }
        long now = System.nanoTime();
        if (verified.size() >= maxEntries) {
            verified.entrySet().removeIf(e -> now - e.getValue() >= 0);
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
        verified.put(key, now + ttlNanos);
    }
}
