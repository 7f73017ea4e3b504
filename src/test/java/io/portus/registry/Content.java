package io.portus.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.portus.storage.Digest;
import tools.jackson.databind.json.JsonMapper;

/** Test content: random blobs and manifests of every supported kind, built as the conformance suite does. */
final class Content {

    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
    static final String OCI_EMPTY = "application/vnd.oci.empty.v1+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    static final String DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    /** {@code {}}, the OCI empty descriptor's content. */
    static final byte[] EMPTY_JSON = "{}".getBytes();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Random RANDOM = new Random(42);

    private Content() {
    }

    static byte[] random(int size) {
        byte[] b = new byte[size];
        synchronized (RANDOM) {
            RANDOM.nextBytes(b);
        }
        return b;
    }

    /** A random "config" JSON blob. */
    static byte[] config() {
        return json(Map.of("architecture", "amd64", "os", "linux", "rootfs", Map.of("type", "layers"),
                "random", Long.toHexString(RANDOM.nextLong())));
    }

    static byte[] json(Object value) {
        return JSON.writeValueAsBytes(value);
    }

    static Map<String, Object> descriptor(String mediaType, byte[] content) {
        return descriptor(mediaType, Digest.sha256(content), content.length);
    }

    static Map<String, Object> descriptor(String mediaType, Digest digest, long size) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mediaType", mediaType);
        d.put("digest", digest.toString());
        d.put("size", size);
        return d;
    }

    /** An image manifest: {@code mediaType} (null = field left out), config and layers descriptors, extra fields. */
    static byte[] manifest(String mediaType, Map<String, Object> config, List<Map<String, Object>> layers,
                           Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemaVersion", 2);
        if (mediaType != null) {
            m.put("mediaType", mediaType);
        }
        m.put("config", config);
        m.put("layers", layers);
        m.putAll(extra);
        return json(m);
    }

    static byte[] index(String mediaType, List<Map<String, Object>> manifests, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemaVersion", 2);
        if (mediaType != null) {
            m.put("mediaType", mediaType);
        }
        m.put("manifests", manifests);
        m.putAll(extra);
        return json(m);
    }

    /** Pushes a config and one layer to {@code repo} and an OCI manifest over them; returns the manifest. */
    static Image pushImage(RegistryClient client, String repo, String reference) {
        return pushImage(client, repo, reference, OCI_MANIFEST, OCI_CONFIG, OCI_LAYER);
    }

    static Image pushImage(RegistryClient client, String repo, String reference, String type, String configType,
                           String layerType) {
        byte[] config = config();
        byte[] layer = random(1000);
        client.pushBlob(repo, config);
        client.pushBlob(repo, layer);
        byte[] manifest = manifest(type, descriptor(configType, config), List.of(descriptor(layerType, layer)), Map.of());
        Digest digest = client.pushManifest(repo, reference, type, manifest);
        return new Image(digest, manifest, Digest.sha256(config), Digest.sha256(layer));
    }

    /** A pushed image. */
    record Image(Digest digest, byte[] manifest, Digest config, Digest layer) {
        Map<String, Object> descriptor(String mediaType) {
            return Content.descriptor(mediaType, digest, manifest.length);
        }
    }

    static <T> List<T> list(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
