package io.portus.config;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.portus.common.InvalidSettingException;
import io.portus.common.JobLeases;
import io.portus.registry.RegistryProperties;
import io.portus.storage.BlobStore;
import io.portus.storage.ContentGuard;
import io.portus.storage.FilesystemBlobStore;
import io.portus.storage.RegistryStorage;
import io.portus.storage.RegistryStorages;
import io.portus.storage.S3BlobStore;
import io.portus.storage.StorageHealth;
import io.portus.storage.StorageUnavailableException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry's content store, picked by {@code portus.registry.storage.driver} ({@code REGISTRY_STORAGE}):
 * a {@link FilesystemBlobStore} at {@code portus.registry.storage.root} ({@code REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY};
 * default {@code ./data/registry}), or an {@link S3BlobStore} on an existing bucket ({@code REGISTRY_STORAGE_S3_*}),
 * both in distribution's layout, and the {@link RegistryStorage} on it. Abandoned upload sessions (and on S3
 * incomplete multipart uploads) older than {@code portus.registry.uploads.purge-age} are purged every
 * {@code purge-interval} on one instance ({@link UploadPurgeJob}). {@link StorageHealth} (bean {@code storage} of the health endpoint and readiness group)
 * probes it.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    public BlobStore blobStore(RegistryProperties properties, StorageProperties storage) {
        return switch (storage.driver().strip().toLowerCase(java.util.Locale.ROOT)) {
            case "filesystem", "" -> filesystem(properties.storage().root());
            case "s3" -> s3(storage.s3());
            default -> throw new InvalidSettingException("REGISTRY_STORAGE",
                    "'" + storage.driver() + "' is not a storage driver (filesystem or s3)");
        };
    }

    private static BlobStore filesystem(String root) {
        try {
            return new FilesystemBlobStore(Path.of(root));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("portus.registry.storage.root: cannot use directory '" + root + "': "
                    + e.getMessage(), e);
        }
    }

    /** The bucket must exist (it is never created); an S3 that does not answer yet only delays readiness. */
    private static BlobStore s3(StorageProperties.S3 settings) {
        S3BlobStore store = S3BlobStore.open(S3Settings.options(settings));
        try {
            store.checkBucket();
            log.info("storage: S3 {}, root directory '{}'", store.options().describe(), settings.rootDirectory());
        } catch (StorageUnavailableException e) {
            log.warn("storage: S3 {} does not answer yet ({}); readiness reports it", store.options().describe(), e.getMessage());
        } catch (IOException e) {
            store.close();
            throw new InvalidSettingException("REGISTRY_STORAGE_S3_BUCKET", e.getMessage().startsWith("the bucket")
                    ? e.getMessage() : "cannot use the " + store.options().describe() + ": " + e.getMessage());
        }
        return store;
    }

    @Bean
    public RegistryStorage registryStorage(BlobStore blobStore, ObjectProvider<ContentGuard> guard) {
        return RegistryStorages.create(blobStore, guard.getIfAvailable(() -> ContentGuard.NONE));
    }

    @Bean
    public StorageHealth storageHealth(BlobStore blobStore) {
        return new StorageHealth(blobStore, Duration.ofSeconds(5), Duration.ofSeconds(3), Clock.systemUTC());
    }

    /** {@code storage} in /actuator/health and its readiness group (application.yml). */
    @Bean
    public HealthIndicator storageHealthIndicator(StorageHealth health) {
        return () -> {
            StorageHealth.Status status = health.check();
            return (status.up() ? Health.up() : Health.down()).withDetail("message", status.message()).build();
        };
    }

    /** Purges stale upload sessions in the background, on one instance at a time; stopped with the context. */
    @Bean
    UploadPurgeJob uploadPurgeJob(RegistryStorage storage, RegistryProperties properties, JobLeases leases) {
        return new UploadPurgeJob(storage, properties.uploads().purgeAge(), properties.uploads().purgeInterval(), leases);
    }
}
