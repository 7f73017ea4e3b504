package io.portus.catalog.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.portus.catalog.SyncReport;
import io.portus.common.JobLeases;
import io.portus.common.LeasedLoop;
import io.portus.namespace.Registry;
import io.portus.namespace.RegistryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the catalog sync of every registry at start-up ({@code portus.catalog.sync.on-start}) and every
 * {@code portus.catalog.sync.interval} (0 = never again), on the instance holding the {@code catalog-sync}
 * lease. The holder keeps the lease for an interval (plus a margin) after each run, so with several instances
 * the sync runs once per interval, not once per instance; a graceful stop gives the lease back (a restarted
 * single instance syncs at once), a crashed holder's lease expires and another instance takes over.
 */
@Component
public class CatalogSyncJob implements SmartLifecycle {

    static final String LEASE = "catalog-sync";
    private static final Logger log = LoggerFactory.getLogger(CatalogSyncJob.class);
    /** With interval 0: the lease of the one sync at start-up, and a pause that never ends. */
    private static final Duration ONCE_TTL = Duration.ofMinutes(5);
    private static final Duration NEVER = Duration.ofDays(36_500);

    private final RegistryService registries;
    private final RegistryAccessFactory access;
    private final ContentReader reader;
    private final CatalogWriter writer;
    private final RepositoryStore repositories;
    private final TagStore tags;
    private final JobLeases leases;
    private final boolean enabled;
    private final Duration interval;
    private final Duration leaseTtl;
    private final LeasedLoop loop;
    private volatile boolean skipNext;
    private volatile boolean started;

    CatalogSyncJob(RegistryService registries, RegistryAccessFactory access, ContentReader reader, CatalogWriter writer,
                   RepositoryStore repositories, TagStore tags, JobLeases leases,
                   CatalogProperties properties) {
        this.registries = registries;
        this.access = access;
        this.reader = reader;
        this.writer = writer;
        this.repositories = repositories;
        this.tags = tags;
        this.leases = leases;
        this.enabled = properties.sync().enabled();
        this.skipNext = !properties.sync().onStart();
        this.interval = properties.sync().interval();
        this.leaseTtl = interval.isZero() ? ONCE_TTL : interval.plusMinutes(5);
        Duration idle = interval.isZero() ? NEVER : interval;
        this.loop = new LeasedLoop(new LeasedLoop.Settings("catalog-sync", LEASE, leaseTtl, idle, Duration.ofSeconds(10)),
                leases, this::round, e -> log.warn("catalog sync failed: {}", e.toString()));
    }

    /** Syncs every registry now (on this instance, whoever holds the lease); one report per registry. */
    public synchronized List<SyncReport> syncAll() {
        List<SyncReport> reports = new ArrayList<>();
        for (Registry registry : registries.list()) {
            reports.add(new SyncRun(registry, access.of(registry), reader, writer, repositories, tags,
                    () -> leases.acquire(LEASE, leaseTtl)).run());
        }
        return reports;
    }

    private Duration round() {
        if (skipNext) {
            skipNext = false;
        } else {
            syncAll();
        }
        return interval.isZero() ? NEVER : interval;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (enabled && started && (!skipNext || !interval.isZero())) {
            loop.start();
        }
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public void stop() {
        started = false;
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return started;
    }
}
