package io.portus.config;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.portus.registry.RegistryProperties;
import io.portus.storage.BlobStore;
import io.portus.storage.FilesystemBlobStore;
import io.portus.storage.RegistryStorage;
import io.portus.storage.RegistryStorages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry's content store: a {@link FilesystemBlobStore} at {@code portus.registry.storage.root}
 * (env {@code REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY}; default {@code ./data/registry}) in
 * distribution's layout, and the {@link RegistryStorage} on it. Abandoned upload sessions older than
 * {@code portus.registry.uploads.purge-age} are purged every {@code purge-interval}.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    public BlobStore blobStore(RegistryProperties properties) {
        String root = properties.storage().root();
        try {
            return new FilesystemBlobStore(Path.of(root));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("portus.registry.storage.root: cannot use directory '" + root + "': "
                    + e.getMessage(), e);
        }
    }

    @Bean
    public RegistryStorage registryStorage(BlobStore blobStore) {
        return RegistryStorages.create(blobStore);
    }

    /** Purges stale upload sessions in the background; stopped with the context. */
    @Bean(destroyMethod = "shutdownNow")
    public ScheduledExecutorService uploadPurger(RegistryStorage storage,
            RegistryProperties properties) {
        Duration age = properties.uploads().purgeAge();
        Duration interval = properties.uploads().purgeInterval();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("upload-purge").daemon().factory());
        executor.scheduleWithFixedDelay(() -> {
            try {
                int purged = storage.purgeUploads(age);
                if (purged > 0) {
                    log.info("purged {} upload sessions older than {}", purged, age);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("purging upload sessions failed: {}", e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return executor;
    }
}
