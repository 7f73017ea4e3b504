package io.portus.it.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.portus.it.Digests;
import io.portus.it.ItPaths;
import io.portus.it.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The test images are what the integration tests assume: the same digests when made twice, manifests
 * whose descriptors match the stored blobs, config diff_ids that are the digests of the unzipped layers,
 * and layers that are valid tar streams (busybox with its applet links, the random data at full size).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageMakerIT {

    static final List<String> NAMES = List.of("busybox", "rand-10m", "multiarch", "multiarch-docker");

    Path first;
    Path second;

    @BeforeAll
    void make() throws IOException {
        first = ItPaths.newWorkDir("image-maker-a");
        second = ItPaths.newWorkDir("image-maker-b");
        ImageMaker.make(first, NAMES);
        ImageMaker.make(second, NAMES);
    }

    @Test
    void sameBytesEveryTime() throws IOException {
        assertThat(Files.readString(second.resolve("images.tsv"))).isEqualTo(Files.readString(first.resolve("images.tsv")))
                .contains("\nbusybox\tsha256:", "\nmultiarch-docker\tsha256:");
        assertThat(Files.readAllLines(first.resolve("images.tsv"))).hasSize(NAMES.size() + 1);
    }

    @Test
    void busyboxIsARunnableRootFilesystem() throws IOException {
        Path layout = first.resolve("busybox");
        JsonNode manifest = checkedImage(layout.resolve("blobs/sha256"), ociTop(layout), "");
        JsonNode config = json(blob(layout.resolve("blobs/sha256"), manifest.path("config").path("digest").asString(), ""));
        assertThat(config.path("config").path("Cmd").get(0).asString()).isEqualTo("sh");
        List<String[]> entries = tar(blob(layout.resolve("blobs/sha256"), manifest.path("layers").get(0).path("digest").asString(), ""));
        assertThat(entries).anySatisfy(e -> assertThat(e).containsExactly("bin/busybox", "0", ""))
                .anySatisfy(e -> assertThat(e).containsExactly("bin/sh", "2", "/bin/busybox"))
                .anySatisfy(e -> assertThat(e).containsExactly("etc/passwd", "0", ""));
    }

    @Test
    void randomLayerHoldsItsFullSize() throws IOException {
        Path layout = first.resolve("rand-10m");
        JsonNode manifest = checkedImage(layout.resolve("blobs/sha256"), ociTop(layout), "");
        byte[] tar = gunzip(blob(layout.resolve("blobs/sha256"), manifest.path("layers").get(0).path("digest").asString(), ""));
        assertThat(tar.length).isGreaterThan(10 << 20);
        assertThat(tar(blob(layout.resolve("blobs/sha256"), manifest.path("layers").get(0).path("digest").asString(), "")))
                .extracting(e -> e[0]).containsExactly("data/", "data/layer0.bin");
    }

    @Test
    void ociIndexAndDockerListNameThreePlatforms() throws IOException {
        Path oci = first.resolve("multiarch");
        JsonNode index = json(blob(oci.resolve("blobs/sha256"), ociTop(oci), ""));
        Path dir = first.resolve("multiarch-docker");
        JsonNode list = json(Files.readAllBytes(dir.resolve("manifest.json")));
        assertThat(index.path("mediaType").asString()).isEqualTo("application/vnd.oci.image.index.v1+json");
        assertThat(list.path("mediaType").asString()).isEqualTo("application/vnd.docker.distribution.manifest.list.v2+json");
        for (JsonNode top : List.of(index, list)) {
            assertThat(top.path("manifests").valueStream().map(m -> m.path("platform").path("architecture").asString()))
                    .containsExactly("amd64", "arm64", "arm");
        }
        for (JsonNode m : index.path("manifests")) {
            checkedImage(oci.resolve("blobs/sha256"), m.path("digest").asString(), "");
        }
        for (JsonNode m : list.path("manifests")) {
            JsonNode image = checkedImage(dir, m.path("digest").asString(), ".manifest.json");
            assertThat(image.path("mediaType").asString()).isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
        }
    }

    /** Checks a manifest's blobs against its descriptors and the config's diff_ids; returns the manifest. */
    static JsonNode checkedImage(Path blobs, String digest, String manifestSuffix) throws IOException {
        JsonNode manifest = json(blob(blobs, digest, manifestSuffix));
        JsonNode config = json(blob(blobs, manifest.path("config").path("digest").asString(), ""));
        List<String> diffIds = new ArrayList<>();
        for (JsonNode layer : manifest.path("layers")) {
            byte[] gz = blob(blobs, layer.path("digest").asString(), "");
            assertThat((long) gz.length).isEqualTo(layer.path("size").asLong());
            diffIds.add(Digests.sha256(gunzip(gz)));
        }
        assertThat(config.path("rootfs").path("diff_ids").valueStream().map(JsonNode::asString)).isEqualTo(diffIds);
        return manifest;
    }

    static String ociTop(Path layout) throws IOException {
        return json(Files.readAllBytes(layout.resolve("index.json"))).path("manifests").get(0).path("digest").asString();
    }

    static byte[] blob(Path dir, String digest, String suffix) throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve(digest.substring("sha256:".length()) + suffix));
        assertThat(Digests.sha256(bytes)).as("content of %s", digest).isEqualTo(digest);
        return bytes;
    }

    static JsonNode json(byte[] bytes) {
        return Json.parse(bytes);
    }

    static byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    /** The entries of a gzipped tar as {name, type flag, link target}, checking each header's checksum. */
    static List<String[]> tar(byte[] gz) throws IOException {
        byte[] tar = gunzip(gz);
        List<String[]> entries = new ArrayList<>();
        int at = 0;
        while (at + 512 <= tar.length && tar[at] != 0) {
            int sum = 0;
            for (int i = 0; i < 512; i++) {
                sum += i >= 148 && i < 156 ? ' ' : tar[at + i] & 0xff;
            }
            assertThat(Integer.parseInt(field(tar, at + 148, 8), 8)).as("checksum at %d", at).isEqualTo(sum);
            assertThat(field(tar, at + 257, 6)).isEqualTo("ustar");
            long size = Long.parseLong(field(tar, at + 124, 12), 8);
            entries.add(new String[] {field(tar, at, 100), String.valueOf((char) tar[at + 156]), field(tar, at + 157, 100)});
            at += 512 + (int) ((size + 511) / 512 * 512);
        }
        assertThat(at + 1024).as("end of archive").isLessThanOrEqualTo(tar.length);
        return entries;
    }

    private static String field(byte[] b, int at, int len) {
        int end = at;
        while (end < at + len && b[end] != 0) {
            end++;
        }
        return new String(b, at, end - at, StandardCharsets.US_ASCII).strip();
    }
}
