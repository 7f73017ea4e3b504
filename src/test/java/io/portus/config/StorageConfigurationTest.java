package io.portus.config;

import io.portus.common.InvalidSettingException;
import io.portus.registry.RegistryProperties;
import io.portus.storage.BlobStore;
import io.portus.storage.S3BlobStore;
import io.portus.support.S3Server;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The driver StorageConfiguration picks, and the start-up errors of an S3 bucket it cannot use. */
class StorageConfigurationTest {

    private final StorageConfiguration configuration = new StorageConfiguration();
    private final RegistryProperties registry = new RegistryProperties("none",
            new RegistryProperties.Storage("target/storage-configuration-test", true, new RegistryProperties.Redirect(false)),
            null, 4194304, "");

    private static StorageProperties s3(String bucket, String accessKey, String secretKey) {
        S3Server server = S3Server.shared();
        return new StorageProperties("s3", new StorageProperties.S3(server.endpoint().toString(), bucket, "us-east-1",
                accessKey, secretKey, "", null, true, 10485760, "STANDARD"));
    }

    @Test
    void anExistingBucketGivesTheS3Driver() throws Exception {
        String bucket = S3Server.shared().newBucket(StorageConfigurationTest.class);
        BlobStore store = configuration.blobStore(registry, s3(bucket, S3Server.ACCESS_KEY, S3Server.SECRET_KEY));
        try (S3BlobStore s3 = (S3BlobStore) store) {
            assertThat(s3.name()).isEqualTo("s3");
            assertThat(s3.options().forcePathStyle()).isTrue();
            s3.putContent("/docker/registry/v2/x", new byte[] {1});
            assertThat(s3.stat("/docker").orElseThrow().directory()).isTrue();
        }
    }

    @Test
    void aMissingBucketStopsStartUpNamingBucketAndEndpoint() {
        assertThatThrownBy(() -> configuration.blobStore(registry, s3("never-created", S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("REGISTRY_STORAGE_S3_BUCKET:")
                .hasMessageContaining("'never-created'").hasMessageContaining(S3Server.shared().endpoint().toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void wrongCredentialsStopStartUpWithoutTheSecret() {
        String bucket = S3Server.shared().newBucket("wrong-keys");
        assertThatThrownBy(() -> configuration.blobStore(registry, s3(bucket, "nobody", "not-the-secret")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("REGISTRY_STORAGE_S3_BUCKET:").hasMessageContaining("403")
                .hasMessageNotContaining("not-the-secret");
    }

    @Test
    void anUnknownDriverIsNamed() {
        assertThatThrownBy(() -> configuration.blobStore(registry, new StorageProperties("azure", null)))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("REGISTRY_STORAGE:");
        assertThat(configuration.blobStore(registry, new StorageProperties("filesystem", null)).name()).isEqualTo("filesystem");
    }
}
