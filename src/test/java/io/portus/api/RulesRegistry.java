package io.portus.api;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.portus.catalog.TestPusher;
import io.portus.storage.Digest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw {@code /v2} calls for the rules tests: blobs uploaded without a manifest, manifests PUT and DELETEd with
 * the answer kept (refusals included), and the exact number of bytes an image counts.
 */
final class RulesRegistry {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Random RANDOM = new Random();

    private final String base;
    private final TestPusher http;

    RulesRegistry(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = new TestPusher(base);
    }

    /** An OCI image whose blobs are in {@code repo} and whose manifest is not pushed yet. */
    record Image(byte[] manifest, String digest, long counted) {
    }

    /** Uploads a config and one random layer of {@code layerSize} bytes; returns the manifest to PUT. */
    Image blobs(String repo, int layerSize) {
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"n\":" + RANDOM.nextLong() + "}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] layer = new byte[layerSize];
        RANDOM.nextBytes(layer);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", TestPusher.OCI_MANIFEST);
        manifest.put("config", upload(repo, config, "application/vnd.oci.image.config.v1+json"));
        List<Object> layers = new ArrayList<>();
        layers.add(upload(repo, layer, "application/vnd.oci.image.layer.v1.tar+gzip"));
        manifest.put("layers", layers);
        byte[] bytes = JSON.writeValueAsBytes(manifest);
        return new Image(bytes, Digest.sha256(bytes).toString(), bytes.length + config.length + layerSize);
    }

    /** An image pushed to {@code repo:tag}. */
    Image push(String repo, String tag, int layerSize) {
        Image image = blobs(repo, layerSize);
        HttpResponse<String> r = put(repo, tag, image);
        if (r.statusCode() != 201) {
            throw new AssertionError("manifest PUT answered " + r.statusCode() + ": " + r.body());
        }
        return image;
    }

    /** An OCI index over images of {@code repo}, pushed to {@code tag}; it counts its own bytes only. */
    Image index(String repo, String tag, Image... children) {
        List<Object> manifests = new ArrayList<>();
        for (Image c : children) {
            manifests.add(Map.of("mediaType", TestPusher.OCI_MANIFEST, "digest", c.digest(), "size", c.manifest().length,
                    "platform", Map.of("architecture", "amd64", "os", "linux")));
        }
        byte[] bytes = JSON.writeValueAsBytes(Map.of("schemaVersion", 2, "mediaType", TestPusher.OCI_INDEX,
                "manifests", manifests));
        Image index = new Image(bytes, Digest.sha256(bytes).toString(), bytes.length);
        HttpResponse<String> r = send(repo, tag, TestPusher.OCI_INDEX, bytes);
        if (r.statusCode() != 201) {
            throw new AssertionError("index PUT answered " + r.statusCode() + ": " + r.body());
        }
        return index;
    }

    HttpResponse<String> put(String repo, String reference, Image image) {
        return send(repo, reference, TestPusher.OCI_MANIFEST, image.manifest());
    }

    private HttpResponse<String> send(String repo, String reference, String mediaType, byte[] bytes) {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/v2/" + repo + "/manifests/" + reference))
                .header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    HttpResponse<String> delete(String repo, String reference) {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/v2/" + repo + "/manifests/" + reference))
                .DELETE().build());
    }

    /** The status of {@code GET /v2/<repo>/manifests/<reference>} and, on 200, the digest it serves. */
    String get(String repo, String reference) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v2/" + repo + "/manifests/"
                + reference)).header("Accept", TestPusher.OCI_MANIFEST).GET().build());
        return r.statusCode() == 200 ? r.headers().firstValue("Docker-Content-Digest").orElse("?") : "" + r.statusCode();
    }

    /** Mounts the image's blobs from {@code from} into {@code to} (nothing uploaded twice). */
    void mount(String from, String to, Image image) {
        var manifest = JSON.readTree(image.manifest());
        List<String> digests = new ArrayList<>();
        digests.add(manifest.path("config").path("digest").asString());
        manifest.path("layers").forEach(l -> digests.add(l.path("digest").asString()));
        for (String d : digests) {
            var r = http.send(HttpRequest.newBuilder(URI.create(base + "/v2/" + to + "/blobs/uploads/?mount=" + d
                    + "&from=" + from)).POST(HttpRequest.BodyPublishers.noBody()).build());
            if (r.statusCode() != 201) {
                throw new AssertionError("mount answered " + r.statusCode() + ": " + r.body());
            }
        }
    }

    private Map<String, Object> upload(String repo, byte[] content, String mediaType) {
        Digest d = Digest.sha256(content);
        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/v2/" + repo + "/blobs/uploads/?digest=" + d))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build());
        if (r.statusCode() != 201) {
            throw new AssertionError("blob upload answered " + r.statusCode() + ": " + r.body());
        }
        return Map.of("mediaType", mediaType, "digest", d.toString(), "size", content.length);
    }
}
