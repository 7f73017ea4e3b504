package io.portus.storage;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The SDK clients of one {@link S3Options}: a synchronous client on Apache HttpClient (no Netty) with
 * the standard retry mode (throttling such as 503 SlowDown and 5xx are retried with backoff), and a
 * SigV4 presigner with the same endpoint, addressing style and credentials. Checksums only where S3
 * requires them, as Content-MD5, since S3-compatible servers often refuse the SDK's CRC headers and trailers.
 */
final class S3Clients {

    private static final int MAX_CONNECTIONS = 256;

    private S3Clients() {
    }

    static S3Client client(S3Options o) {
        var builder = S3Client.builder()
                .region(Region.of(o.region()))
                .credentialsProvider(credentials(o))
                .forcePathStyle(o.forcePathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // Content-MD5 where S3 requires a checksum (DeleteObjects): what S3-compatible servers accept
                .addPlugin(LegacyMd5Plugin.create())
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(MAX_CONNECTIONS)
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60))
                        .connectionAcquisitionTimeout(Duration.ofSeconds(60)))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD));
        o.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    static S3Presigner presigner(S3Options o) {
        var builder = S3Presigner.builder()
                .region(Region.of(o.region()))
                .credentialsProvider(credentials(o))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(o.forcePathStyle()).build());
        o.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Options o) {
        if (o.accessKey().isEmpty() && o.secretKey().isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(o.accessKey(), o.secretKey()));
    }
}
