package io.portus.registry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import io.portus.storage.Digest;
import io.portus.support.S3Server;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/** On S3 a blob GET answers 307 to a presigned URL that S3 serves; HEAD never redirects; health includes S3. */
class S3RedirectTest extends S3RegistryTestBase {

    static String bucket;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        bucket = s3(registry, S3RedirectTest.class);
    }

    @Test
    void blobGetsAreRedirectedToAPresignedUrlOfTheBucket() throws Exception {
        byte[] content = new byte[7 * 1024 * 1024 + 3]; // more than one part of 5 MiB
        new java.util.Random(7).nextBytes(content);
        Digest digest = client.pushBlob("s3/app", content);
        try (S3Client s3 = S3Server.shared().client()) {
            assertThat(s3.headObject(b -> b.bucket(bucket).key("registry/docker/registry/v2/blobs/sha256/"
                    + digest.hex().substring(0, 2) + "/" + digest.hex() + "/data")).contentLength()).isEqualTo(content.length);
        }

        Response get = client.get("/v2/s3/app/blobs/" + digest);
        assertThat(get.status()).isEqualTo(307);
        assertThat(get.header("Docker-Content-Digest")).isEqualTo(digest.toString());
        URI location = URI.create(get.header("Location"));
        assertThat(location.toString()).startsWith(S3Server.shared().endpoint() + "/" + bucket + "/registry/docker/registry/v2/blobs/")
                .contains("X-Amz-Signature=").contains("X-Amz-Expires=1200");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> fetched = http.send(HttpRequest.newBuilder(location).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(content);
        assertThat(fetched.headers().firstValue("Content-Type")).contains("application/octet-stream");
        HttpResponse<byte[]> ranged = http.send(HttpRequest.newBuilder(location).header("Range", "bytes=10-19").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(ranged.body()).isEqualTo(Arrays.copyOfRange(content, 10, 20));

        Response head = client.head("/v2/s3/app/blobs/" + digest);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(content.length));
        assertThat(head.header("Location")).isNull();
    }

    @Test
    void healthIncludesTheBucket() {
        Response health = plainGet(port, "/api/v1/health");
        assertThat(health.json().path("storage").path("success").asBoolean()).isTrue();
        assertThat(health.json().path("storage").path("msg").asString()).contains("s3");
        assertThat(plainGet(port, "/actuator/health/readiness").status()).isEqualTo(200);
    }
}
