package io.portus.registry;

import java.util.List;
import java.util.Map;

import io.portus.storage.Digest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Conformance "content management": deleting tags, manifests and blobs. */
class ContentManagementTest extends RegistryTestBase {

    private int tagCount(String repo) {
        Response r = client.get("/v2/" + repo + "/tags/list");
        return r.status() == 404 ? 0 : r.json().path("tags").size();
    }

    @Test
    void deleteByTagRemovesOnlyTheTag() {
        String repo = "manage/tag";
        Content.Image image = Content.pushImage(client, repo, "tagtest0");
        client.pushManifest(repo, "other", Content.OCI_MANIFEST, image.manifest());
        int before = tagCount(repo);
        Response r = client.delete("/v2/" + repo + "/manifests/tagtest0");
        assertThat(r.status()).isEqualTo(202);
        assertThat(tagCount(repo)).isEqualTo(before - 1);
        assertThat(client.get("/v2/" + repo + "/manifests/tagtest0").status()).isEqualTo(404);
        assertThat(client.get("/v2/" + repo + "/manifests/" + image.digest()).status()).isEqualTo(200);
        assertThat(client.get("/v2/" + repo + "/manifests/other").status()).isEqualTo(200);
        Response again = client.delete("/v2/" + repo + "/manifests/tagtest0");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo("MANIFEST_UNKNOWN");
    }

    @Test
    void deleteByDigestRemovesTheManifestAndEveryTagOnIt() {
        String repo = "manage/digest";
        Content.Image image = Content.pushImage(client, repo, "a");
        client.pushManifest(repo, "b", Content.OCI_MANIFEST, image.manifest());
        Content.Image other = Content.pushImage(client, repo, "c");
        Response r = client.delete("/v2/" + repo + "/manifests/" + image.digest());
        assertThat(r.status()).isEqualTo(202);
        for (String ref : List.of("a", "b", image.digest().toString())) {
            Response get = client.get("/v2/" + repo + "/manifests/" + ref);
            assertThat(get.status()).as(ref).isEqualTo(404);
            assertThat(get.errorCode()).isEqualTo("MANIFEST_UNKNOWN");
        }
        assertThat(client.get("/v2/" + repo + "/manifests/c").header("Docker-Content-Digest")).isEqualTo(other.digest().toString());
        assertThat(tagCount(repo)).isEqualTo(1);
        Response again = client.delete("/v2/" + repo + "/manifests/" + image.digest());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo("MANIFEST_UNKNOWN");
    }

    @Test
    void lastTagDeletedLeavesAnEmptyListOr404() {
        String repo = "manage/last";
        Content.pushImage(client, repo, "only");
        assertThat(client.delete("/v2/" + repo + "/manifests/only").status()).isEqualTo(202);
        Response tags = client.get("/v2/" + repo + "/tags/list");
        assertThat(tags.status()).isIn(200, 404);
        if (tags.status() == 200) {
            assertThat(tags.json().path("tags")).isEmpty();
        }
    }

    @Test
    void deleteBlobsThenTheyAre404() {
        String repo = "manage/blobs";
        Content.Image image = Content.pushImage(client, repo, "tagtest0");
        assertThat(client.delete("/v2/" + repo + "/manifests/" + image.digest()).status()).isEqualTo(202);
        for (Digest blob : List.of(image.config(), image.layer())) {
            assertThat(client.delete("/v2/" + repo + "/blobs/" + blob).status()).isEqualTo(202);
            Response get = client.get("/v2/" + repo + "/blobs/" + blob);
            assertThat(get.status()).isEqualTo(404);
            assertThat(get.errorCode()).isEqualTo("BLOB_UNKNOWN");
            Response again = client.delete("/v2/" + repo + "/blobs/" + blob);
            assertThat(again.status()).isEqualTo(404);
            assertThat(again.errorCode()).isEqualTo("BLOB_UNKNOWN");
        }
    }

    @Test
    void deletingABlobInOneRepositoryKeepsItInAnother() {
        byte[] blob = Content.random(100);
        Digest digest = client.pushBlob("manage/one", blob);
        client.pushBlob("manage/two", blob);
        assertThat(client.delete("/v2/manage/one/blobs/" + digest).status()).isEqualTo(202);
        assertThat(client.get("/v2/manage/two/blobs/" + digest).body()).isEqualTo(blob);
    }

    @Test
    void malformedReferencesOnDelete() {
        Response digest = client.delete("/v2/manage/x/manifests/sha256:nothex");
        assertThat(digest.status()).isEqualTo(400);
        assertThat(digest.errorCode()).isEqualTo("DIGEST_INVALID");
        assertThat(client.delete("/v2/manage/x/manifests/-notatag").status()).isEqualTo(404);
        Response blob = client.delete("/v2/manage/x/blobs/latest");
        assertThat(blob.status()).isEqualTo(400);
        assertThat(blob.errorCode()).isEqualTo("DIGEST_INVALID");
    }

    @Test
    void deletedIndexChildStaysReferencedButGoneFromTheRepository() {
        String repo = "manage/index";
        Content.Image image = Content.pushImage(client, repo, "child");
        byte[] index = Content.index(Content.OCI_INDEX, List.of(image.descriptor(Content.OCI_MANIFEST)), Map.of());
        Digest indexDigest = client.pushManifest(repo, "idx", Content.OCI_INDEX, index);
        assertThat(client.delete("/v2/" + repo + "/manifests/" + image.digest()).status()).isEqualTo(202);
        assertThat(client.get("/v2/" + repo + "/manifests/" + indexDigest).status()).isEqualTo(200);
        assertThat(client.putManifest(repo, "idx2", Content.OCI_INDEX, Content.index(Content.OCI_INDEX,
                List.of(image.descriptor(Content.OCI_MANIFEST)), Map.of("annotations", Map.of("v", "2")))).errorCode())
                .isEqualTo("MANIFEST_BLOB_UNKNOWN");
    }
}
