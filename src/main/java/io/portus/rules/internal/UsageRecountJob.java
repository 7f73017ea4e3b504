package io.portus.rules.internal;

import java.time.Duration;

import io.portus.common.JobLeases;
import io.portus.common.LeasedLoop;
import io.portus.common.LoopOwner;
import io.portus.namespace.NamespaceService;
import io.portus.namespace.RegistryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Recounts the usage of every namespace of the built-in registry every {@code portus.rules.usage-recount-interval}
 * (the first time one interval after start-up), on the instance holding the {@code namespace-usage} lease, so
 * usage kept at each push and delete cannot drift for ever (a crash between storage and database, a GC).
 */
@Component
class UsageRecountJob extends LoopOwner {

    static final String LEASE = "namespace-usage";
    private static final Logger log = LoggerFactory.getLogger(UsageRecountJob.class);

    private final RegistryService registries;
    private final NamespaceService namespaces;
    private final UsageRecount recount;
    private final RulesStore store;
    private final Duration interval;
    private final LeasedLoop loop;
    private volatile boolean first = true;

    UsageRecountJob(RegistryService registries, NamespaceService namespaces, UsageRecount recount, RulesStore store,
                    JobLeases leases, RulesProperties properties) {
        this.store = store;
        this.registries = registries;
        this.namespaces = namespaces;
        this.recount = recount;
        this.interval = properties.usageRecountInterval();
        this.loop = new LeasedLoop(new LeasedLoop.Settings("namespace-usage", LEASE, interval.plusMinutes(5),
                interval, Duration.ofSeconds(10)), leases, this::round, e -> log.warn("usage recount failed: {}", e.toString()));
    }

    private Duration round() {
        if (first) {
            first = false;
            return interval;
        }
        registries.builtin().ifPresent(r -> store.namespaces(r.id()).forEach(id -> {
            try {
                recount.recount(namespaces.get(id));
            } catch (RuntimeException e) {
                log.warn("usage recount of namespace {} failed: {}", id, e.toString());
            }
        }));
        return interval;
    }

    @Override
    protected LeasedLoop loop() {
        return loop;
    }

    @Override
    public void start() {
        if (!interval.isZero()) {
            super.start();
        }
    }
}
