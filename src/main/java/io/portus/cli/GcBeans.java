package io.portus.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.portus.common.DbClock;
import io.portus.common.JobLeases;
import io.portus.common.PortusProperties;
import io.portus.common.SqlPages;
import io.portus.config.StorageConfiguration;
import io.portus.config.StorageProperties;
import io.portus.gc.GcProperties;
import io.portus.gc.GcRunFinished;
import io.portus.registry.RegistryProperties;
import io.portus.storage.BlobStore;
import io.portus.storage.ContentGuard;
import io.portus.storage.RegistryStorage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code gc} needs besides the database: the gc module (found by package, as the server finds it), the
 * registry's storage as the server configures it (without the upload purge job), a meter registry of its
 * own, and the activity module's recorder of {@code gc.run} (so a run from the CLI is listed as the server's are;
 * the namespaces' quota usage is given back by the servers' next recount, {@code portus.rules.usage-recount-interval}). The collector coordinates with running servers through the database (its lease and deletion rows), as
 * another instance would. No web server, no scheduler ({@code portus.gc.schedule} is cleared), no other jobs.
 * Not a {@code @Configuration}: the server's component scan must not find it (it is a source of the verb's
 * context only, where its {@code @Bean} methods run in Spring's "lite" mode).
 */
@ComponentScan(basePackages = "io.portus.gc")
@ComponentScan(basePackages = "io.portus.activity.internal", useDefaultFilters = false, includeFilters =
        @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "io\\.portus\\.activity\\.internal\\.(GcActivityRecorder|ActivityStore)"))
@Import({DbClock.class, JobLeases.class, SqlPages.class})
@EnableConfigurationProperties({GcProperties.class, RegistryProperties.class, StorageProperties.class, PortusProperties.class})
class GcBeans {

    /** Completed when the run this verb started ends. */
    static final class Finished {
        final CompletableFuture<GcRunFinished> future = new CompletableFuture<>();

        @EventListener
        void on(GcRunFinished finished) {
            future.complete(finished);
        }
    }

    @Bean
    Finished gcFinished() {
        return new Finished();
    }

    @Bean
    BlobStore blobStore(RegistryProperties registry, StorageProperties storage) {
        return new StorageConfiguration().blobStore(registry, storage);
    }

    @Bean
    RegistryStorage registryStorage(BlobStore store, ObjectProvider<ContentGuard> guard) {
        return new StorageConfiguration().registryStorage(store, guard);
    }

    @Bean
    JsonMapper jsonMapper() {
        return JsonMapper.builder().build();
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
