package io.portus.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Small, deterministic OCI images built in memory (no network, no tools): a real gzip'ed tar layer,
 * an image config with matching diff_ids, manifests, an index and a referrer artifact, and an OCI
 * image layout on disk for skopeo's {@code oci:} transport. Unlike {@link io.portus.it.TestImages}
 * (layouts made on disk by {@link io.portus.it.images.ImageMaker}), every byte and {@link Digest} is at
 * hand, for tests that call the storage API directly.
 */
final class MemoryImages {

    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String INDEX = "application/vnd.oci.image.index.v1+json";
    static final String CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
    static final String EMPTY = "application/vnd.oci.empty.v1+json";

    /** Content plus its digest and media type. */
    record Content(String mediaType, byte[] bytes, Digest digest) {
        Content(String mediaType, byte[] bytes) {
            this(mediaType, bytes, Digest.sha256(bytes));
        }

        String descriptor(String extra) {
            return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":" + bytes.length
                    + extra + "}";
        }
    }

    /** An image: its manifest, config and layers. */
    record Image(Content manifest, Content config, List<Content> layers) {
        List<Content> blobs() {
            List<Content> all = new ArrayList<>(layers);
            all.add(config);
            return all;
        }
    }

    private MemoryImages() {
    }

    static Content layer(String fileName, int size, long seed) throws IOException {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return new Content(LAYER, gzip(tar(fileName, data)));
    }

    static Image image(String arch, List<Content> layers) throws IOException {
        StringBuilder diffIds = new StringBuilder();
        for (Content l : layers) {
            diffIds.append(diffIds.isEmpty() ? "" : ",").append('"').append(Digest.sha256(gunzip(l.bytes()))).append('"');
        }
        Content config = new Content(CONFIG, utf8("{\"architecture\":\"" + arch + "\",\"os\":\"linux\","
                + "\"config\":{\"Cmd\":[\"sh\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + diffIds + "]}}"));
        StringBuilder ls = new StringBuilder();
        for (Content l : layers) {
            ls.append(ls.isEmpty() ? "" : ",").append(l.descriptor(""));
        }
        Content manifest = new Content(MANIFEST, utf8("{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST
                + "\",\"config\":" + config.descriptor("") + ",\"layers\":[" + ls + "]}"));
        return new Image(manifest, config, layers);
    }

    static Content index(Map<String, Image> byArch) {
        StringBuilder ms = new StringBuilder();
        byArch.forEach((arch, img) -> ms.append(ms.isEmpty() ? "" : ",")
                .append(img.manifest().descriptor(",\"platform\":{\"architecture\":\"" + arch + "\",\"os\":\"linux\"}")));
        return new Content(INDEX, utf8("{\"schemaVersion\":2,\"mediaType\":\"" + INDEX + "\",\"manifests\":[" + ms + "]}"));
    }

    static Content emptyJson() {
        return new Content(EMPTY, utf8("{}"));
    }

    /** An OCI 1.1 artifact (e.g. a signature) whose subject is {@code subject}. */
    static Content referrer(Content subject, String artifactType) {
        Content empty = emptyJson();
        return new Content(MANIFEST, utf8("{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST + "\",\"artifactType\":\""
                + artifactType + "\",\"config\":" + empty.descriptor("") + ",\"layers\":[" + empty.descriptor("")
                + "],\"subject\":" + subject.descriptor("") + "}"));
    }

    /** Writes an OCI image layout: every blob, and {@code tags} in index.json. */
    static void writeLayout(Path dir, Map<String, Content> tags, List<Content> blobs) throws IOException {
        Path blobDir = Files.createDirectories(dir.resolve("blobs/sha256"));
        for (Content c : blobs) {
            Files.write(blobDir.resolve(c.digest().hex()), c.bytes());
        }
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        StringBuilder ms = new StringBuilder();
        for (Map.Entry<String, Content> e : tags.entrySet()) {
            ms.append(ms.isEmpty() ? "" : ",").append(e.getValue().descriptor(
                    ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + e.getKey() + "\"}"));
        }
        Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[" + ms + "]}");
    }

    static Map<String, Image> byArch(Image amd64, Image arm64) {
        Map<String, Image> m = new LinkedHashMap<>();
        m.put("amd64", amd64);
        m.put("arm64", arm64);
        return m;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A one-file ustar archive. */
    static byte[] tar(String name, byte[] content) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", content.length));
        put(header, 136, "00000000000");
        java.util.Arrays.fill(header, 148, 156, (byte) ' ');
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[155] = ' ';
        int padded = (content.length + 511) / 512 * 512;
        byte[] out = new byte[512 + padded + 1024];
        System.arraycopy(header, 0, out, 0, 512);
        System.arraycopy(content, 0, out, 512, content.length);
        return out;
    }

    private static void put(byte[] b, int off, String s) {
        byte[] v = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(v, 0, b, off, v.length);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        }
        return bos.toByteArray();
    }

    static byte[] gunzip(byte[] data) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }
}
