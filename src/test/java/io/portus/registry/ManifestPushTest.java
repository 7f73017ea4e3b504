package io.portus.registry;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.portus.storage.Digest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.portus.registry.Content.descriptor;
import static org.assertj.core.api.Assertions.assertThat;

/** Manifest PUT: every media type, exact bytes, references, subjects, size limit, and the 400 cases. */
class ManifestPushTest extends RegistryTestBase {

    private static final String REPO = "manifests/test";
    private byte[] config;
    private byte[] layer;

    @BeforeEach
    void blobs() {
        config = Content.config();
        layer = Content.random(512);
        client.pushBlob(REPO, config);
        client.pushBlob(REPO, layer);
    }

    private byte[] ociManifest(Map<String, Object> extra) {
        return Content.manifest(Content.OCI_MANIFEST, descriptor(Content.OCI_CONFIG, config),
                List.of(descriptor(Content.OCI_LAYER, layer)), extra);
    }

    @Test
    void ociManifestByTagGives201WithLocationAndDigest() {
        byte[] manifest = ociManifest(Map.of());
        Digest digest = Digest.sha256(manifest);
        Response r = client.putManifest(REPO, "v1", Content.OCI_MANIFEST, manifest);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Location")).isEqualTo("/v2/" + REPO + "/manifests/" + digest);
        assertThat(r.header("Docker-Content-Digest")).isEqualTo(digest.toString());
        assertThat(r.header("OCI-Subject")).isNull();
        for (String tag : List.of("test0", "test1", "test2", "test3")) {
            assertThat(client.putManifest(REPO, tag, Content.OCI_MANIFEST, manifest).status()).isEqualTo(201);
        }
        assertThat(client.get("/v2/" + REPO + "/manifests/" + digest, RegistryClient.ACCEPT).body()).isEqualTo(manifest);
    }

    @Test
    void exactBytesAreStoredAndServedWithUnknownFieldsAndOddFormatting() {
        String json = "{\n   \"schemaVersion\" : 2,\"mediaType\":\"" + Content.OCI_MANIFEST + "\",\n"
                + " \"config\": {\"mediaType\": \"" + Content.OCI_CONFIG + "\", \"digest\": \"" + Digest.sha256(config)
                + "\", \"size\": " + config.length + ", \"data\": \"e30=\", \"newUnspecifiedField\": [1, 2]},\n"
                + "\t\"layers\": [ {\"mediaType\": \"" + Content.OCI_LAYER + "\", \"digest\": \"" + Digest.sha256(layer)
                + "\", \"size\": " + layer.length + ", \"newUnspecifiedField\": {\"x\": null}} ],\n"
                + "  \"vendor.field\": \"kept\", \"annotations\": {\"a\": \"b\"}\n}\n\n";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Digest digest = client.pushManifest(REPO, "odd", "application/vnd.oci.image.manifest.v1+json; charset=utf-8", bytes);
        Response r = client.get("/v2/" + REPO + "/manifests/odd", RegistryClient.ACCEPT);
        assertThat(r.body()).isEqualTo(bytes);
        assertThat(r.header("Docker-Content-Digest")).isEqualTo(digest.toString());
        assertThat(r.header("Content-Type")).isEqualTo(Content.OCI_MANIFEST);
    }

    @Test
    void manifestWithoutMediaTypeFieldIsAcceptedAndServedAsOci() {
        client.pushBlob(REPO, Content.EMPTY_JSON);
        byte[] noLayers = Content.manifest(null, descriptor(Content.OCI_EMPTY, Content.EMPTY_JSON), List.of(), Map.of());
        client.pushManifest(REPO, "nolayers", Content.OCI_MANIFEST, noLayers);
        Response r = client.get("/v2/" + REPO + "/manifests/nolayers", RegistryClient.ACCEPT);
        assertThat(r.header("Content-Type")).isEqualTo(Content.OCI_MANIFEST);
        byte[] index = Content.index(null, List.of(descriptor(Content.OCI_MANIFEST, noLayers)), Map.of());
        client.pushManifest(REPO, "idx-nomt", Content.OCI_INDEX, index);
        assertThat(client.head("/v2/" + REPO + "/manifests/idx-nomt").header("Content-Type")).isEqualTo(Content.OCI_INDEX);
    }

    @Test
    void ociIndexOverPushedManifests() {
        byte[] m = ociManifest(Map.of());
        client.pushManifest(REPO, "amd64", Content.OCI_MANIFEST, m);
        Map<String, Object> child = descriptor(Content.OCI_MANIFEST, m);
        child.put("platform", Map.of("architecture", "amd64", "os", "linux"));
        byte[] index = Content.index(Content.OCI_INDEX, List.of(child), Map.of("annotations", Map.of("k", "v")));
        Digest digest = client.pushManifest(REPO, "multi", Content.OCI_INDEX, index);
        Response r = client.get("/v2/" + REPO + "/manifests/multi", RegistryClient.ACCEPT);
        assertThat(r.header("Content-Type")).isEqualTo(Content.OCI_INDEX);
        assertThat(r.header("Docker-Content-Digest")).isEqualTo(digest.toString());
        assertThat(r.body()).isEqualTo(index);
    }

    @Test
    void indexWithAnUnknownChildIs400ManifestBlobUnknown() {
        Digest missing = Digest.sha256("not a pushed manifest".getBytes());
        byte[] index = Content.index(Content.OCI_INDEX, List.of(descriptor(Content.OCI_MANIFEST, missing, 10)), Map.of());
        Response r = client.putManifest(REPO, "broken", Content.OCI_INDEX, index);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("MANIFEST_BLOB_UNKNOWN");
        assertThat(r.json().path("errors").path(0).path("detail").asString()).isEqualTo(missing.toString());
        // a blob is not a manifest
        byte[] blobChild = Content.index(Content.OCI_INDEX, List.of(descriptor(Content.OCI_MANIFEST, layer)), Map.of());
        assertThat(client.putManifest(REPO, "broken", Content.OCI_INDEX, blobChild).errorCode()).isEqualTo("MANIFEST_BLOB_UNKNOWN");
    }

    @Test
    void dockerSchema2AndManifestList() {
        byte[] m = Content.manifest(Content.DOCKER_MANIFEST, descriptor(Content.DOCKER_CONFIG, config),
                List.of(descriptor(Content.DOCKER_LAYER, layer)), Map.of());
        client.pushManifest(REPO, "docker", Content.DOCKER_MANIFEST, m);
        assertThat(client.get("/v2/" + REPO + "/manifests/docker", RegistryClient.ACCEPT).header("Content-Type"))
                .isEqualTo(Content.DOCKER_MANIFEST);
        Map<String, Object> child = descriptor(Content.DOCKER_MANIFEST, m);
        child.put("platform", Map.of("architecture", "arm64", "os", "linux", "variant", "v8"));
        byte[] list = Content.index(Content.DOCKER_LIST, List.of(child), Map.of());
        client.pushManifest(REPO, "dockerlist", Content.DOCKER_LIST, list);
        Response r = client.get("/v2/" + REPO + "/manifests/dockerlist", RegistryClient.ACCEPT);
        assertThat(r.header("Content-Type")).isEqualTo(Content.DOCKER_LIST);
        assertThat(r.body()).isEqualTo(list);
    }

    @Test
    void dockerSchema2WithoutMediaTypeFieldIsInvalid() {
        byte[] m = Content.manifest(null, descriptor(Content.DOCKER_CONFIG, config),
                List.of(descriptor(Content.DOCKER_LAYER, layer)), Map.of());
        Response r = client.putManifest(REPO, "x", Content.DOCKER_MANIFEST, m);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("MANIFEST_INVALID");
    }

    @Test
    void schema1IsRefused() {
        String schema1 = "{\"schemaVersion\":1,\"name\":\"" + REPO + "\",\"tag\":\"old\",\"architecture\":\"amd64\","
                + "\"fsLayers\":[],\"history\":[],\"signatures\":[]}";
        for (String type : List.of("application/vnd.docker.distribution.manifest.v1+prettyjws",
                "application/vnd.docker.distribution.manifest.v1+json", "application/json")) {
            Response r = client.putManifest(REPO, "old", type, schema1.getBytes());
            assertThat(r.status()).as(type).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("MANIFEST_INVALID");
            assertThat(r.json().path("errors").path(0).path("message").asString()).contains("schema1");
        }
    }

    @Test
    void mediaTypeMustMatchContentType() {
        byte[] m = ociManifest(Map.of());
        Response r = client.putManifest(REPO, "mismatch", Content.DOCKER_MANIFEST, m);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("MANIFEST_INVALID");
        byte[] noField = Content.manifest(null, descriptor(Content.OCI_CONFIG, config), List.of(), Map.of());
        assertThat(client.putManifest(REPO, "mismatch", Content.OCI_INDEX, noField).errorCode()).isEqualTo("MANIFEST_INVALID");
        assertThat(client.get("/v2/" + REPO + "/manifests/mismatch").status()).isEqualTo(404);
    }

    @Test
    void unknownMediaTypeIsInvalid() {
        byte[] m = Content.manifest("application/vnd.example.thing+json", descriptor(Content.OCI_CONFIG, config),
                List.of(), Map.of());
        Response r = client.putManifest(REPO, "thing", "application/vnd.example.thing+json", m);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("MANIFEST_INVALID");
    }

    @Test
    void missingConfigOrLayerIs400ManifestBlobUnknownWithTheDigest() {
        byte[] otherLayer = Content.random(20);
        byte[] m = Content.manifest(Content.OCI_MANIFEST, descriptor(Content.OCI_CONFIG, config),
                List.of(descriptor(Content.OCI_LAYER, layer), descriptor(Content.OCI_LAYER, otherLayer)), Map.of());
        Response r = client.putManifest(REPO, "missing", Content.OCI_MANIFEST, m);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("MANIFEST_BLOB_UNKNOWN");
        assertThat(r.json().path("errors").path(0).path("detail").asString()).isEqualTo(Digest.sha256(otherLayer).toString());
        byte[] otherConfig = Content.config();
        byte[] m2 = Content.manifest(Content.OCI_MANIFEST, descriptor(Content.OCI_CONFIG, otherConfig), List.of(), Map.of());
        Response r2 = client.putManifest(REPO, "missing", Content.OCI_MANIFEST, m2);
        assertThat(r2.errorCode()).isEqualTo("MANIFEST_BLOB_UNKNOWN");
        assertThat(r2.json().path("errors").path(0).path("detail").asString()).isEqualTo(Digest.sha256(otherConfig).toString());
    }

    @Test
    void blobsOfAnotherRepositoryDoNotCount() {
        byte[] m = ociManifest(Map.of());
        Response r = client.putManifest("manifests/elsewhere", "v1", Content.OCI_MANIFEST, m);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("MANIFEST_BLOB_UNKNOWN");
    }

    @Test
    void foreignLayersWithUrlsNeedNoBlob() {
        Map<String, Object> foreign = descriptor("application/vnd.docker.image.rootfs.foreign.diff.tar.gzip",
                Digest.sha256("windows base layer".getBytes()), 1234);
        foreign.put("urls", List.of("https://example.com/layer.tar.gz"));
        byte[] m = Content.manifest(Content.DOCKER_MANIFEST, descriptor(Content.DOCKER_CONFIG, config),
                List.of(foreign, descriptor(Content.DOCKER_LAYER, layer)), Map.of());
        assertThat(client.putManifest(REPO, "foreign", Content.DOCKER_MANIFEST, m).status()).isEqualTo(201);
    }

    @Test
    void artifactWithSubjectThatDoesNotExistIsAcceptedWithOciSubject() {
        client.pushBlob(REPO, Content.EMPTY_JSON);
        Digest subject = Digest.sha256("never pushed".getBytes());
        byte[] artifact = Content.manifest(Content.OCI_MANIFEST, descriptor(Content.OCI_EMPTY, Content.EMPTY_JSON),
                List.of(descriptor(Content.OCI_EMPTY, Content.EMPTY_JSON)),
                Map.of("artifactType", "application/vnd.example.sbom", "subject",
                        descriptor(Content.OCI_MANIFEST, subject, 100), "annotations", Map.of("org.example", "x")));
        Digest digest = Digest.sha256(artifact);
        Response r = client.putManifest(REPO, digest.toString(), Content.OCI_MANIFEST, artifact);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("OCI-Subject")).isEqualTo(subject.toString());
        assertThat(client.get("/v2/" + REPO + "/manifests/" + digest).body()).isEqualTo(artifact);
    }

    @Test
    void byDigestTheBodyMustHaveThatDigest() {
        byte[] m = ociManifest(Map.of());
        Digest wrong = Digest.sha256("something else".getBytes());
        Response r = client.putManifest(REPO, wrong.toString(), Content.OCI_MANIFEST, m);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("DIGEST_INVALID");
        Response ok = client.putManifest(REPO, Digest.sha256(m).toString(), Content.OCI_MANIFEST, m);
        assertThat(ok.status()).isEqualTo(201);
    }

    @Test
    void sha512DigestReference() {
        byte[] m = ociManifest(Map.of("annotations", Map.of("alg", "sha512")));
        java.security.MessageDigest md = Digest.newMessageDigest("sha512");
        md.update(m);
        Digest digest = Digest.of("sha512", md);
        Response r = client.putManifest(REPO, digest.toString(), Content.OCI_MANIFEST, m);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Docker-Content-Digest")).isEqualTo(digest.toString());
        assertThat(client.get("/v2/" + REPO + "/manifests/" + digest).body()).isEqualTo(m);
    }

    @Test
    void invalidTagIs400TagInvalidAndMalformedDigest400DigestInvalid() {
        byte[] m = ociManifest(Map.of());
        for (String tag : List.of("-dash", ".dot", "a".repeat(129), "tag%21", "t%C3%A9")) {
            Response r = client.putManifest(REPO, tag, Content.OCI_MANIFEST, m);
            assertThat(r.status()).as(tag).isEqualTo(400);
            assertThat(r.errorCode()).as(tag).isEqualTo("TAG_INVALID");
        }
        assertThat(client.putManifest(REPO, "a".repeat(128), Content.OCI_MANIFEST, m).status()).isEqualTo(201);
        Response r = client.putManifest(REPO, "sha256:baddigeststring", Content.OCI_MANIFEST, m);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("DIGEST_INVALID");
    }

    @Test
    void malformedManifestsAre400ManifestInvalid() {
        String d = Digest.sha256(config).toString();
        List<String> bodies = List.of("", "not json", "[]", "null", "{", "{\"schemaVersion\":2}",
                "{\"schemaVersion\":3,\"config\":{}}", "{\"schemaVersion\":\"2\",\"mediaType\":\"" + Content.OCI_MANIFEST + "\"}",
                "{\"schemaVersion\":2,\"mediaType\":\"" + Content.OCI_MANIFEST + "\"}",
                "{\"schemaVersion\":2,\"mediaType\":7,\"config\":{}}",
                "{\"schemaVersion\":2,\"mediaType\":\"" + Content.OCI_MANIFEST + "\",\"config\":{\"digest\":\"sha256:zz\",\"size\":1}}",
                "{\"schemaVersion\":2,\"mediaType\":\"" + Content.OCI_MANIFEST + "\",\"config\":{\"digest\":\"" + d + "\",\"size\":-1}}",
                "{\"schemaVersion\":2,\"mediaType\":\"" + Content.OCI_MANIFEST + "\",\"config\":{\"digest\":\"" + d + "\"},\"layers\":{}}",
                "{\"schemaVersion\":2,\"mediaType\":\"" + Content.OCI_MANIFEST + "\",\"config\":{\"digest\":\"" + d + "\"},\"layers\":[1]}",
                "{\"schemaVersion\":2,\"mediaType\":\"" + Content.OCI_INDEX + "\"}",
                "{\"schemaVersion\":2,\"mediaType\":\"" + Content.OCI_INDEX + "\",\"manifests\":[{\"size\":3}]}",
                "{\"schemaVersion\":2,\"mediaType\":\"" + Content.OCI_MANIFEST + "\",\"config\":{\"digest\":\"" + d
                        + "\"},\"subject\":{\"digest\":\"nope\"}}",
                "{\"schemaVersion\":2,\"mediaType\":\"" + Content.OCI_MANIFEST + "\",\"config\":{\"digest\":\"" + d
                        + "\"},\"annotations\":{\"a\":1}}");
        for (String body : bodies) {
            Response r = client.putManifest(REPO, "bad", Content.OCI_MANIFEST, body.getBytes());
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.errorCode()).as(body).isEqualTo("MANIFEST_INVALID");
        }
    }

    @Test
    void exactlyTheSizeLimitIsAcceptedOneMoreByteIs413() {
        int limit = 4 * 1024 * 1024;
        byte[] small = ociManifest(Map.of("annotations", Map.of("pad", "")));
        int pad = limit - small.length;
        byte[] exact = ociManifest(Map.of("annotations", Map.of("pad", "x".repeat(pad))));
        assertThat(exact).hasSize(limit);
        Response ok = client.putManifest(REPO, "big", Content.OCI_MANIFEST, exact);
        assertThat(ok.status()).isEqualTo(201);
        assertThat(client.get("/v2/" + REPO + "/manifests/big").body()).isEqualTo(exact);
        byte[] over = ociManifest(Map.of("annotations", Map.of("pad", "x".repeat(pad + 1))));
        Response tooBig = client.putManifest(REPO, "toobig", Content.OCI_MANIFEST, over);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.errorCode()).isEqualTo("MANIFEST_INVALID");
        Response streamed = client.send("PUT", "/v2/" + REPO + "/manifests/toobig",
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(over)),
                "Content-Type", Content.OCI_MANIFEST);
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(client.get("/v2/" + REPO + "/manifests/toobig").status()).isEqualTo(404);
    }

    @Test
    void pushingAnotherManifestToATagMovesIt() {
        byte[] first = ociManifest(Map.of("annotations", Map.of("n", "1")));
        byte[] second = ociManifest(Map.of("annotations", Map.of("n", "2")));
        client.pushManifest(REPO, "moving", Content.OCI_MANIFEST, first);
        Digest d2 = client.pushManifest(REPO, "moving", Content.OCI_MANIFEST, second);
        assertThat(client.head("/v2/" + REPO + "/manifests/moving").header("Docker-Content-Digest")).isEqualTo(d2.toString());
        assertThat(client.get("/v2/" + REPO + "/manifests/" + Digest.sha256(first)).status()).isEqualTo(200);
    }
}
