package io.portus.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The sizes the catalog must show for a test image, computed independently from its layout: config +
 * layers for an image; for an index or manifest list, each child's and the distinct blobs of all children.
 */
final class ImageSizes {

    /** Total and per-child sizes (children in index order). */
    record Sizes(long total, java.util.List<Long> children) {
    }

    private ImageSizes() {
    }

    /** For an OCI layout ({@code oci:} images). */
    static Sizes ofOci(Path layout) {
        String top = Layouts.ociTopDigest(layout);
        return of(digest -> read(layout.resolve("blobs/sha256/" + digest.substring(7))), top);
    }

    /** For a containers-image {@code dir:} layout (the Docker manifest list). */
    static Sizes ofDir(Path dir) {
        JsonNode list = Json.parse(read(dir.resolve("manifest.json")));
        return sizes(list, digest -> read(dir.resolve(digest.substring(7) + ".manifest.json")));
    }

    private static Sizes of(java.util.function.Function<String, byte[]> blob, String digest) {
        return sizes(Json.parse(blob.apply(digest)), blob);
    }

    private static Sizes sizes(JsonNode manifest, java.util.function.Function<String, byte[]> blob) {
        Map<String, Long> blobs = new LinkedHashMap<>();
        java.util.List<Long> children = new java.util.ArrayList<>();
        if (manifest.has("manifests")) {
            for (JsonNode child : manifest.get("manifests")) {
                Map<String, Long> own = new LinkedHashMap<>();
                add(Json.parse(blob.apply(child.path("digest").asString())), own);
                children.add(own.values().stream().mapToLong(Long::longValue).sum());
                own.forEach(blobs::putIfAbsent);
            }
        } else {
            add(manifest, blobs);
        }
        return new Sizes(blobs.values().stream().mapToLong(Long::longValue).sum(), children);
    }

    private static void add(JsonNode image, Map<String, Long> blobs) {
        blobs.put(image.path("config").path("digest").asString(), image.path("config").path("size").asLong());
        image.path("layers").forEach(l -> blobs.putIfAbsent(l.path("digest").asString(), l.path("size").asLong()));
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
