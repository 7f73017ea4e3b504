package io.portus.gc.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import io.portus.common.ConflictException;
import io.portus.common.InvalidSettingException;
import io.portus.common.JobLeases;
import io.portus.common.LeasedLoop;
import io.portus.common.LoopOwner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;

/**
 * Runs collections on {@code portus.gc.schedule} (cron, UTC), on the instance holding the {@code gc-schedule}
 * lease. A fire time is skipped when a run already started since it (another instance held the lease then).
 */
final class GcScheduler extends LoopOwner {

    private static final Logger log = LoggerFactory.getLogger(GcScheduler.class);
    private static final Duration MAX_PAUSE = Duration.ofMinutes(1);

    private final CronExpression cron;
    private final GcRunner runner;
    private final GcRuns runs;
    private final LeasedLoop loop;
    private ZonedDateTime checkedUntil = ZonedDateTime.now(ZoneOffset.UTC);

    GcScheduler(String schedule, GcRunner runner, GcRuns runs, JobLeases leases) {
        try {
            this.cron = CronExpression.parse(schedule.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("PORTUS_GC_SCHEDULE", "'" + schedule + "' is not a cron expression "
                    + "(six fields: second minute hour day month weekday): " + e.getMessage());
        }
        this.runner = runner;
        this.runs = runs;
        this.loop = new LeasedLoop(new LeasedLoop.Settings("gc-schedule", "gc-schedule", Duration.ofMinutes(3), MAX_PAUSE,
                Duration.ofSeconds(5)), leases, this::round, e -> log.warn("scheduled garbage collection: {}", e.toString()));
    }

    private Duration round() {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        ZonedDateTime due = cron.next(checkedUntil);
        if (due != null && !due.isAfter(now)) {
            checkedUntil = now;
            Instant fire = due.toInstant();
            if (runs.lastStart().filter(last -> !last.isBefore(fire)).isEmpty()) {
                try {
                    log.info("scheduled garbage collection {}", runner.start(false, null, null).id());
                } catch (ConflictException running) {
                    log.info("scheduled garbage collection skipped: one is running");
                }
            }
            due = cron.next(now);
        }
        if (due == null) {
            return MAX_PAUSE;
        }
        Duration wait = Duration.between(now, due);
        return wait.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : wait.plusMillis(10);
    }

    @Override
    protected LeasedLoop loop() {
        return loop;
    }
}
