package io.portus.registry;

import io.portus.storage.Digest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code portus.registry.storage.delete-enabled=false} every delete is 405 UNSUPPORTED and nothing goes. */
@TestPropertySource(properties = "portus.registry.storage.delete-enabled=false")
class DeleteDisabledTest extends RegistryTestBase {

    @Test
    void manifestTagAndBlobDeletesAre405Unsupported() {
        String repo = "nodelete/app";
        Content.Image image = Content.pushImage(client, repo, "v1");
        for (String path : new String[] {"/manifests/v1", "/manifests/" + image.digest(), "/blobs/" + image.layer()}) {
            Response r = client.delete("/v2/" + repo + path);
            assertThat(r.status()).as(path).isEqualTo(405);
            assertThat(r.errorCode()).isEqualTo("UNSUPPORTED");
        }
        assertThat(client.get("/v2/" + repo + "/manifests/v1").status()).isEqualTo(200);
        assertThat(client.get("/v2/" + repo + "/blobs/" + image.layer()).status()).isEqualTo(200);
    }

    @Test
    void uploadsCanStillBeCancelled() {
        String location = client.startUpload("nodelete/app");
        assertThat(client.delete(location).status()).isEqualTo(204);
        assertThat(client.get("/v2/nodelete/app/blobs/" + Digest.sha256(new byte[3])).status()).isEqualTo(404);
    }
}
