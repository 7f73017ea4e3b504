package io.portus.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which storage driver the built-in registry uses, and the S3 driver's settings: distribution's
 * {@code REGISTRY_STORAGE} and {@code REGISTRY_STORAGE_S3_*} variables (mapped in application.yml). The
 * filesystem root, deletes and redirects are in {@link io.portus.registry.RegistryProperties.Storage}.
 *
 * @param driver {@code filesystem} (default) or {@code s3}
 * @param s3     the S3 bucket, when {@code driver} is {@code s3}
 */
@ConfigurationProperties("portus.registry.storage")
public record StorageProperties(@DefaultValue("filesystem") String driver, @DefaultValue S3 s3) {

    /**
     * @param regionEndpoint  S3 endpoint ({@code REGISTRY_STORAGE_S3_REGIONENDPOINT}); empty = AWS for the region
     * @param bucket          the bucket; required, never created
     * @param region          signing region
     * @param accessKey       access key id; empty together with the secret key = the SDK's default credential chain
     * @param secretKey       secret access key (masked in {@link #toString()})
     * @param rootDirectory   key prefix ({@code <rootdirectory>/docker/registry/v2/...})
     * @param forcePathStyle  path-style URLs; unset = true when an endpoint is given (distribution 2.8's behaviour)
     * @param secure          https for an endpoint given without scheme
     * @param chunkSize       multipart part size in bytes, at least 5 MiB
     * @param storageClass    storage class of written objects; {@code NONE} = send none
     */
    public record S3(@DefaultValue("") String regionEndpoint, @DefaultValue("") String bucket,
            @DefaultValue("us-east-1") String region, @DefaultValue("") String accessKey,
            @DefaultValue("") String secretKey, @DefaultValue("") String rootDirectory, Boolean forcePathStyle,
            @DefaultValue("true") boolean secure, @DefaultValue("10485760") long chunkSize,
            @DefaultValue("STANDARD") String storageClass) {

        @Override
        public String toString() {
            return "S3[regionEndpoint=" + regionEndpoint + ", bucket=" + bucket + ", region=" + region
                    + ", accessKey=" + accessKey + ", secretKey=" + (secretKey.isEmpty() ? "" : "******")
                    + ", rootDirectory=" + rootDirectory + ", forcePathStyle=" + forcePathStyle + ", secure=" + secure
                    + ", chunkSize=" + chunkSize + ", storageClass=" + storageClass + "]";
        }
    }
}
