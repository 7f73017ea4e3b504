package io.portus.auth.throttle.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.portus.auth.throttle.AuthThrottle;
import io.portus.auth.throttle.AuthThrottleProperties;
import io.portus.common.DbTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The throttle on the {@code auth_failures} table (one row per failure, migration V60): a failure is inserted,
 * then the address' failures of the last minute are read (newest first, at most the limit); with the limit
 * reached the address is throttled until the oldest of those is a minute old. Rows older than a minute are
 * deleted, by whichever instance records a failure, at most once a minute each, so the table holds about one
 * minute of failures. Throttled addresses are also kept in a bounded Caffeine cache, the only thing a request
 * with good credentials consults; an evicted entry is found again in the database on the address' next failure.
 * Times are written by the application in UTC ({@link DbTime}), as everywhere in this schema: instances'
 * clocks must agree (NTP) to within a small part of the minute.
 */
@Service
class DatabaseAuthThrottle implements AuthThrottle {

    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(DatabaseAuthThrottle.class);

    private final JdbcClient jdbc;
    private final int max;
    private final Clock clock;
    private final Cache<String, Instant> throttledUntil;
    private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);

    @Autowired
    DatabaseAuthThrottle(JdbcClient jdbc, AuthThrottleProperties properties) {
        this(jdbc, properties, Clock.systemUTC());
    }

    DatabaseAuthThrottle(JdbcClient jdbc, AuthThrottleProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.max = properties.maxFailuresPerMinute();
        this.clock = clock;
        this.throttledUntil = Caffeine.newBuilder().maximumSize(properties.cacheSize())
                .expireAfter(new Until(clock)).build();
    }

    @Override
    public Optional<Duration> throttled(String address) {
        if (max == 0 || address == null) {
            return Optional.empty();
        }
        Instant until = throttledUntil.getIfPresent(ClientKeys.of(address));
        return until == null ? Optional.empty() : remaining(until, now());
    }

    @Override
    public Optional<Duration> failed(String address) {
        if (max == 0 || address == null) {
            return Optional.empty();
        }
        String key = ClientKeys.of(address);
        Instant now = now();
        purge(now);
        jdbc.sql("INSERT INTO auth_failures (address, failed_at) VALUES (?, ?)").params(key, DbTime.toDb(now)).update();
        List<Instant> recent = jdbc.sql("SELECT failed_at FROM auth_failures WHERE address = ? AND failed_at > ? "
                        + "ORDER BY failed_at DESC LIMIT " + max)
                .params(key, DbTime.toDb(now.minus(WINDOW)))
                .query((rs, n) -> DbTime.read(rs, "failed_at")).list();
        if (recent.size() < max) {
            return Optional.empty();
        }
        Instant until = recent.getLast().plus(WINDOW);
        if (throttledUntil.asMap().put(key, until) == null) {
            log.warn("Client {} throttled until {}: {} failed authentications within a minute", key, until, max);
        }
        return remaining(until, now);
    }

    private void purge(Instant now) {
        Instant due = nextPurge.get();
        if (now.isBefore(due) || !nextPurge.compareAndSet(due, now.plus(WINDOW))) {
            return;
        }
        jdbc.sql("DELETE FROM auth_failures WHERE failed_at <= ?").param(DbTime.toDb(now.minus(WINDOW))).update();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Optional<Duration> remaining(Instant until, Instant now) {
        Duration left = Duration.between(now, until);
        return left.isPositive() ? Optional.of(left) : Optional.empty();
    }

    /** A cached entry lives until its address is free again. */
    private record Until(Clock clock) implements Expiry<String, Instant> {
        @Override
        public long expireAfterCreate(String key, Instant until, long currentTime) {
            return Math.max(1, Duration.between(clock.instant(), until).toNanos());
        }

        @Override
        public long expireAfterUpdate(String key, Instant until, long currentTime, long currentDuration) {
            return expireAfterCreate(key, until, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Instant until, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
