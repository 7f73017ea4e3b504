package io.portus.config;

import java.io.IOException;
import java.nio.file.Path;

import io.portus.common.JobLeases;
import io.portus.registry.RegistryProperties;
import io.portus.storage.BlobStore;
import io.portus.storage.FilesystemBlobStore;
import io.portus.storage.RegistryStorage;
import io.portus.storage.RegistryStorages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry's content store: a {@link FilesystemBlobStore} at {@code portus.registry.storage.root}
 * (env {@code REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY}; default {@code ./data/registry}) in
 * distribution's layout, and the {@link RegistryStorage} on it. Abandoned upload sessions older than
 * {@code portus.registry.uploads.purge-age} are purged every {@code purge-interval} ({@link UploadPurgeJob}).
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

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

    /** Purges stale upload sessions in the background, on one instance at a time; stopped with the context. */
    @Bean
    UploadPurgeJob uploadPurgeJob(RegistryStorage storage, RegistryProperties properties, JobLeases leases) {
        return new UploadPurgeJob(storage, properties.uploads().purgeAge(), properties.uploads().purgeInterval(), leases);
    }
}
