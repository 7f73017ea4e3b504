package io.portus.gc.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.portus.storage.ContentGuard;
import io.portus.storage.Digest;
import io.portus.storage.StorageUnavailableException;

/**
 * The registry's side of the hand-shake (docs/garbage-collection.md): touch the digest (committed), then look
 * for a deletion row; while there is one, wait (polling) until it is gone, then let the caller check existence
 * as usual; after {@code wait} answer 503. A bounded per-instance cache skips both statements for a digest this
 * instance touched, finding no deletion, less than a quarter of the grace period ago (measured from before the
 * touch): its touch still keeps it from any run, see the document for why.
 */
final class DbContentGuard implements ContentGuard {

    static final int CACHE_SIZE = 100_000;
    private static final long POLL_MILLIS = 50;

    private final DbCoordination coordination;
    private final long freshNanos;
    private final Duration wait;
    private final Cache<Digest, Long> recent;

    DbContentGuard(DbCoordination coordination, Duration gracePeriod, Duration wait) {
        this.coordination = coordination;
        this.freshNanos = gracePeriod.dividedBy(4).toNanos();
        this.wait = wait;
        this.recent = Caffeine.newBuilder().maximumSize(CACHE_SIZE).expireAfterWrite(gracePeriod.dividedBy(4))
                .executor(Runnable::run).build();
    }

    @Override
    public void beforeUse(Digest digest) throws IOException {
        Long touchedAt = recent.getIfPresent(digest);
        long start = System.nanoTime();
        if (touchedAt != null && start - touchedAt < freshNanos) {
            return;
        }
        try {
            coordination.touch(digest);
            if (!coordination.deletionPending(digest)) {
                recent.put(digest, start);
                return;
            }
            long deadline = start + wait.toNanos();
            while (coordination.deletionPending(digest)) {
                if (System.nanoTime() - deadline > 0) {
                    throw new StorageUnavailableException("the garbage collector is deleting " + digest
                            + "; retry later", null);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the garbage collector");
        } catch (org.springframework.dao.DataAccessException e) {
            throw new StorageUnavailableException("the database does not answer: " + e.getClass().getSimpleName(), e);
        }
    }
}
