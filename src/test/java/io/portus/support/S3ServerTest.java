package io.portus.support;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tests' S3 server is a real S3 API: SigV4 with its keys, buckets, objects; other keys are refused. */
class S3ServerTest {

    @Test
    void storesObjectsInAFreshBucket() {
        S3Server s3 = S3Server.shared();
        String bucket = s3.newBucket(S3ServerTest.class);
        try (S3Client client = s3.client()) {
            client.putObject(b -> b.bucket(bucket).key("a/b"), RequestBody.fromString("hello"));
            assertThat(client.getObjectAsBytes(b -> b.bucket(bucket).key("a/b")).asUtf8String()).isEqualTo("hello");
            assertThat(client.listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(o -> o.key()).contains("a/b");
        }
        assertThat(S3Server.shared()).isSameAs(s3);
        assertThat(s3.dataDir().resolve(bucket)).isDirectory();
    }

    @Test
    void wrongKeysAreRefused() {
        S3Server s3 = S3Server.shared();
        try (S3Client client = S3Client.builder().endpointOverride(s3.endpoint()).forcePathStyle(true)
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("x", "y"))
                .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder())
                .build()) {
            assertThatThrownBy(() -> client.listBuckets()).isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(403));
        }
    }
}
