package io.portus.storage;

import java.net.URI;
import java.util.Optional;

/**
 * How to reach one S3 bucket (distribution's {@code storage.s3} keys).
 *
 * @param endpoint       the S3 endpoint with scheme ({@code regionendpoint}); empty = AWS for {@code region}
 * @param region         signing region
 * @param bucket         the bucket (never created: it must exist)
 * @param accessKey      access key id; empty together with {@code secretKey} = the SDK's default credential chain
 * @param secretKey      secret access key (never printed)
 * @param rootDirectory  key prefix of everything ({@code <rootdirectory>/docker/registry/v2/...}); may be empty
 * @param forcePathStyle path-style URLs ({@code endpoint/bucket/key}) instead of virtual-host style
 * @param chunkSize      part size of multipart uploads, at least 5 MiB
 * @param storageClass   storage class of written objects; empty = none sent (the bucket's default)
 */
public record S3Options(Optional<URI> endpoint, String region, String bucket, String accessKey, String secretKey,
        String rootDirectory, boolean forcePathStyle, long chunkSize, Optional<String> storageClass) {

    /** Content type of every object written, as distribution's s3 driver sets it. */
    public static final String CONTENT_TYPE = "application/octet-stream";

    /** S3's smallest part (all but the last). */
    public static final long MIN_CHUNK_SIZE = 5L * 1024 * 1024;

    public S3Options {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("bucket is required");
        }
        if (chunkSize < MIN_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunk size " + chunkSize + " is below S3's minimum part size " + MIN_CHUNK_SIZE);
        }
        if (chunkSize > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("chunk size " + chunkSize + " is above 2 GiB");
        }
        accessKey = accessKey == null ? "" : accessKey;
        secretKey = secretKey == null ? "" : secretKey;
        rootDirectory = rootDirectory == null ? "" : rootDirectory;
    }

    /** Where the bucket is, for messages: {@code bucket 'b' at <endpoint>}. */
    public String describe() {
        return "bucket '" + bucket + "' at " + endpoint.map(URI::toString).orElse("AWS S3 (" + region + ")");
    }

    @Override
    public String toString() {
        return "S3Options[" + describe() + ", rootDirectory=" + rootDirectory + ", accessKey=" + accessKey
                + ", secretKey=" + (secretKey.isEmpty() ? "" : "******") + ", forcePathStyle=" + forcePathStyle
                + ", chunkSize=" + chunkSize + ", storageClass=" + storageClass.orElse("NONE") + "]";
    }
}
