package io.portus.gc.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.portus.common.DbClock;
import io.portus.common.InvalidSettingException;
import io.portus.common.JobLeases;
import io.portus.common.SqlPages;
import io.portus.gc.GcProperties;
import io.portus.storage.BlobStore;
import io.portus.storage.ContentGuard;
import io.portus.storage.RegistryStorage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires garbage collection: the registry's {@link ContentGuard}, runs, the runner and the schedule. */
@Configuration(proxyBeanMethods = false)
class GcConfiguration {

    @Bean
    DbCoordination gcCoordination(JdbcClient jdbc, DbClock clock) {
        return new DbCoordination(jdbc, clock);
    }

    /** Used by the registry storage (io.portus.config.StorageConfiguration) before any answer that relies on a digest. */
    @Bean
    ContentGuard gcContentGuard(DbCoordination coordination, GcProperties properties) {
        validate(properties);
        return new DbContentGuard(coordination, properties.gracePeriod(), properties.deletionWait());
    }

    /** Start-up stops naming the setting when a duration is negative. */
    static void validate(GcProperties properties) {
        if (properties.gracePeriod().isNegative()) {
            throw new InvalidSettingException("PORTUS_GC_GRACE_PERIOD", "must not be negative, is " + properties.gracePeriod());
        }
        if (properties.deletionWait().isNegative()) {
            throw new InvalidSettingException("portus.gc.deletion-wait", "must not be negative, is " + properties.deletionWait());
        }
    }

    @Bean
    GcRuns gcRunStore(JdbcClient jdbc, SqlPages pages) {
        return new GcRuns(jdbc, pages);
    }

    @Bean
    GcRunner gcRunner(BlobStore store, RegistryStorage storage, DbCoordination coordination, GcRuns runs,
                      JobLeases leases, GcProperties properties, MeterRegistry meters, ApplicationEventPublisher events) {
        return new GcRunner(store, storage, coordination, runs, leases, properties, new GcMetrics(meters), events);
    }

    @Bean
    @ConditionalOnExpression("'${portus.gc.schedule:}'.trim() != ''")
    GcScheduler gcScheduler(GcProperties properties, GcRunner runner, GcRuns runs, JobLeases leases) {
        return new GcScheduler(properties.schedule(), runner, runs, leases);
    }
}
