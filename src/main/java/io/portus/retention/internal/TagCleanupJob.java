package io.portus.retention.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.portus.auth.policy.DeleteProperties;
import io.portus.common.InvalidSettingException;
import io.portus.common.JobLeases;
import io.portus.common.LeasedLoop;
import io.portus.common.LoopOwner;
import io.portus.retention.GarbageCollectorProperties;
import io.portus.retention.RetentionPolicy;
import io.portus.retention.RetentionProperties;
import io.portus.retention.TagDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Portus's background "Garbage collector" and the scheduled retention policies, every
 * {@code portus.delete.garbage-collector.interval} on the instance holding the {@code tag-cleanup} lease (so
 * several instances clean once, not once each). Nothing happens while {@code portus.delete.enabled} is off.
 */
@Component
class TagCleanupJob extends LoopOwner {

    static final String LEASE = "tag-cleanup";
    private static final Duration RENEW_EVERY = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(TagCleanupJob.class);

    private final GarbageCollectorProperties expiry;
    private final boolean deleteEnabled;
    private final Duration retentionInterval;
    private final Cleanups cleanups;
    private final RetentionStore store;
    private final LeasedLoop loop;

    TagCleanupJob(GarbageCollectorProperties expiry, RetentionProperties retention, DeleteProperties delete,
                  Cleanups cleanups, RetentionStore store, JobLeases leases) {
        this.expiry = expiry;
        this.deleteEnabled = delete.enabled();
        this.retentionInterval = retention.interval();
        this.cleanups = cleanups;
        this.store = store;
        check(expiry);
        this.loop = new LeasedLoop(new LeasedLoop.Settings("tag-cleanup", LEASE, expiry.interval().plusMinutes(5),
                expiry.interval(), Duration.ofSeconds(10)), leases, this::round,
                e -> log.warn("tag cleanup failed: {}", e.toString()));
    }

    private static void check(GarbageCollectorProperties p) {
        if (!p.interval().isPositive()) {
            throw new InvalidSettingException("PORTUS_DELETE_GARBAGE_COLLECTOR_INTERVAL", "must be positive");
        }
        if (p.olderThan() < 0 || p.keepLatest() < 0) {
            throw new InvalidSettingException("PORTUS_DELETE_GARBAGE_COLLECTOR_OLDER_THAN / _KEEP_LATEST",
                    "must not be negative");
        }
        try {
            Pattern.compile(p.tag());
        } catch (PatternSyntaxException e) {
            throw new InvalidSettingException("PORTUS_DELETE_GARBAGE_COLLECTOR_TAG", "is not a regular expression: "
                    + e.getDescription());
        }
    }

    private Duration round() {
        pass(new LeaseKeeper());
        return expiry.interval();
    }

    /** Goes on while the loop runs, renewing the lease at most every {@link #RENEW_EVERY} (not once per repository). */
    private final class LeaseKeeper implements BooleanSupplier {
        private long renewed = System.nanoTime();

        @Override
        public boolean getAsBoolean() {
            if (!loop.isRunning()) {
                return false;
            }
            if (System.nanoTime() - renewed < RENEW_EVERY.toNanos()) {
                return true;
            }
            renewed = System.nanoTime();
            return loop.renewLease();
        }
    }

    /** One pass now, on this instance, whoever holds the lease (tests; the loop calls it with the lease). */
    void runOnce() {
        pass(() -> true);
    }

    /** The expiry when enabled, then every retention policy that is due, while {@code goOn} says so. */
    private void pass(BooleanSupplier goOn) {
        if (!deleteEnabled) {
            return;
        }
        if (expiry.enabled()) {
            List<TagDecision> deleted = cleanups.expire(expiry.olderThan(), expiry.keepLatest(), expiry.tag(), goOn);
            if (!deleted.isEmpty()) {
                log.info("garbage collector: deleted {} tags older than {} days", deleted.size(), expiry.olderThan());
            }
        }
        Instant now = cleanups.now();
        for (long namespaceId : store.due(now, retentionInterval.toSeconds())) {
            if (!goOn.getAsBoolean()) {
                return;
            }
            RetentionPolicy policy = store.find(namespaceId).orElse(null);
            if (policy != null) {
                long deleted = cleanups.retain(namespaceId, policy.rules(), false).stream().filter(TagDecision::delete).count();
                store.ran(namespaceId, now);
                log.info("retention of namespace {}: deleted {} tags", namespaceId, deleted);
            }
        }
    }

    @Override
    protected LeasedLoop loop() {
        return loop;
    }
}
