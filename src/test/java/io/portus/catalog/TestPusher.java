package io.portus.catalog;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.portus.storage.Digest;
import tools.jackson.databind.json.JsonMapper;

/** Pushes small images straight to a registry's /v2 API (monolithic blob uploads, manifest PUT). */
public final class TestPusher {

    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Random RANDOM = new Random();

    /** A pushed manifest: its digest and the size the catalog must show (config + layers). */
    public record Pushed(String digest, long size, byte[] manifest) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public TestPusher(String base) {
        this.base = base;
    }

    /** An image with a config and {@code layers} random layers of the given size. */
    public Pushed image(String repo, String reference, String mediaType, int layers, int layerSize) {
        boolean docker = DOCKER_MANIFEST.equals(mediaType);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\"},\"n\":"
                + RANDOM.nextLong() + "}").getBytes(StandardCharsets.UTF_8);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", mediaType);
        manifest.put("config", blob(repo, config, docker ? "application/vnd.docker.container.image.v1+json"
                : "application/vnd.oci.image.config.v1+json"));
        List<Object> ls = new ArrayList<>();
        long size = config.length;
        for (int i = 0; i < layers; i++) {
            byte[] layer = new byte[layerSize];
            RANDOM.nextBytes(layer);
            ls.add(blob(repo, layer, docker ? "application/vnd.docker.image.rootfs.diff.tar.gzip"
                    : "application/vnd.oci.image.layer.v1.tar+gzip"));
            size += layerSize;
        }
        manifest.put("layers", ls);
        byte[] bytes = JSON.writeValueAsBytes(manifest);
        return new Pushed(putManifest(repo, reference, mediaType, bytes), size, bytes);
    }

    /** An index over the given children (by digest), with platforms amd64 and arm64. */
    public Pushed index(String repo, String reference, String mediaType, List<Pushed> children, String childType) {
        List<Object> ms = new ArrayList<>();
        String[] arches = {"amd64", "arm64", "arm"};
        for (int i = 0; i < children.size(); i++) {
            Pushed c = children.get(i);
            Map<String, Object> platform = new LinkedHashMap<>();
            platform.put("architecture", arches[i % 3]);
            platform.put("os", "linux");
            if (i == 2) {
                platform.put("variant", "v7");
            }
            ms.add(Map.of("mediaType", childType, "digest", c.digest(), "size", c.manifest().length, "platform", platform));
        }
        byte[] bytes = JSON.writeValueAsBytes(Map.of("schemaVersion", 2, "mediaType", mediaType, "manifests", ms));
        long size = children.stream().mapToLong(Pushed::size).sum();
        return new Pushed(putManifest(repo, reference, mediaType, bytes), size, bytes);
    }

    /** Tags an image pushed to {@code from} in {@code to} too: its blobs mounted across, then the manifest. */
    public String mount(String from, String to, String tag, String mediaType, Pushed image) {
        var manifest = JSON.readTree(image.manifest());
        List<String> digests = new ArrayList<>();
        digests.add(manifest.path("config").path("digest").asString());
        manifest.path("layers").forEach(l -> digests.add(l.path("digest").asString()));
        for (String d : digests) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/v2/" + to + "/blobs/uploads/?mount="
                    + d + "&from=" + from)).POST(HttpRequest.BodyPublishers.noBody()).build());
            if (r.statusCode() != 201) {
                throw new AssertionError("mount answered " + r.statusCode() + ": " + r.body());
            }
        }
        return putManifest(to, tag, mediaType, image.manifest());
    }

    /** Uploads one blob; its descriptor (media type, digest, size) for a manifest. */
    public Map<String, Object> blob(String repo, byte[] content, String mediaType) {
        Digest d = Digest.sha256(content);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/v2/" + repo + "/blobs/uploads/?digest=" + d))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build());
        if (r.statusCode() != 201) {
            throw new AssertionError("blob upload answered " + r.statusCode() + ": " + r.body());
        }
        return Map.of("mediaType", mediaType, "digest", d.toString(), "size", content.length);
    }

    public String putManifest(String repo, String reference, String mediaType, byte[] bytes) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/v2/" + repo + "/manifests/" + reference))
                .header("Content-Type", mediaType).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
        if (r.statusCode() != 201) {
            throw new AssertionError("manifest PUT answered " + r.statusCode() + ": " + r.body());
        }
        return Digest.sha256(bytes).toString();
    }

    /** The status of {@code GET /v2/<repo>/manifests/<reference>} (200 while the registry serves it, 404 after a delete). */
    public int manifestStatus(String repo, String reference) {
        return send(HttpRequest.newBuilder(URI.create(base + "/v2/" + repo + "/manifests/" + reference))
                .header("Accept", OCI_MANIFEST + ", " + OCI_INDEX + ", " + DOCKER_MANIFEST + ", " + DOCKER_LIST)
                .GET().build()).statusCode();
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
