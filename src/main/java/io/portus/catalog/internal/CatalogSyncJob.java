package io.portus.catalog.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.portus.catalog.SyncReport;
import io.portus.common.JobLeases;
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
 * {@code portus.catalog.sync.interval} (0 = never again), on the instance holding the
 * {@code catalog-sync} lease.
 */
@Component
public class CatalogSyncJob implements SmartLifecycle {

    static final String LEASE = "catalog-sync";
    private static final Logger log = LoggerFactory.getLogger(CatalogSyncJob.class);
    private static final Duration LEASE_TTL = Duration.ofMinutes(5);

    private final RegistryService registries;
    private final RegistryAccessFactory access;
    private final ContentReader reader;
    private final CatalogWriter writer;
    private final RepositoryStore repositories;
    private final TagStore tags;
    private final JobLeases leases;
    private final boolean enabled;
    private final boolean onStart;
    private final Duration interval;
    private volatile boolean running;
    private Thread thread;

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
        this.onStart = properties.sync().onStart();
        this.interval = properties.sync().interval();
    }

    /** Syncs every registry now (on this instance, whoever holds the lease); one report per registry. */
    public synchronized List<SyncReport> syncAll() {
        List<SyncReport> reports = new ArrayList<>();
        for (Registry registry : registries.list()) {
            reports.add(new SyncRun(registry, access.of(registry), reader, writer, repositories, tags,
                    () -> leases.acquire(LEASE, LEASE_TTL)).run());
        }
        return reports;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (enabled && (onStart || !interval.isZero())) {
            thread = Thread.ofVirtual().name("catalog-sync").start(this::loop);
        }
    }

    private void loop() {
        boolean first = true;
        while (running) {
            if (!first || onStart) {
                try {
                    if (leases.acquire(LEASE, LEASE_TTL)) {
                        syncAll();
                        leases.release(LEASE);
                    }
                } catch (RuntimeException e) {
                    log.warn("catalog sync failed: {}", e.toString());
                }
            }
            first = false;
            if (interval.isZero() || !sleep(interval.toMillis())) {
                return;
            }
        }
    }

    private boolean sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
