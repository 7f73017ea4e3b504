package io.portus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Checks on images pulled by skopeo: OCI image layouts ({@code oci:}) and containers-image
 * {@code dir:} layouts. Blobs are content addressed, so "identical to the source" means: every blob
 * hashes to its name and the set of digests equals the source's.
 */
public final class Layouts {

    private Layouts() {
    }

    /** The digest index.json of an OCI layout points at (its only manifest). */
    public static String ociTopDigest(Path layout) {
        JsonNode idx = Json.parse(read(layout.resolve("index.json")));
        assertThat(idx.path("manifests").size()).as("manifests in %s/index.json", layout).isEqualTo(1);
        return idx.path("manifests").get(0).path("digest").asString();
    }

    /** Every blob of an OCI layout hashes to its file name; returns the digests. */
    public static Set<String> ociBlobs(Path layout) {
        Set<String> digests = new TreeSet<>();
        try (Stream<Path> files = Files.list(layout.resolve("blobs/sha256"))) {
            files.forEach(f -> {
                String name = "sha256:" + f.getFileName();
                assertThat(Digests.sha256(f)).as("content of blob %s", f).isEqualTo(name);
                digests.add(name);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digests;
    }

    /** Asserts a pulled OCI layout has the source's top digest and exactly the source's blobs, all intact. */
    public static void assertSameOciImage(Path pulled, Path source) {
        assertThat(ociTopDigest(pulled)).as("top manifest digest of pulled %s", pulled).isEqualTo(ociTopDigest(source));
        assertThat(ociBlobs(pulled)).as("blobs of pulled %s", pulled).isEqualTo(ociBlobs(source));
    }

    /** The digest of a dir: layout's manifest.json (the top manifest or list, exact bytes). */
    public static String dirTopDigest(Path dir) {
        return Digests.sha256(dir.resolve("manifest.json"));
    }

    /**
     * Every file of a dir: layout that is content addressed ({@code <hex>} blobs, {@code <hex>.manifest.json}
     * per-platform manifests) hashes to its name; returns the digests.
     */
    public static Set<String> dirBlobs(Path dir) {
        Set<String> digests = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> {
                String n = f.getFileName().toString();
                String hex = n.endsWith(".manifest.json") ? n.substring(0, n.length() - ".manifest.json".length()) : n;
                if (hex.matches("[0-9a-f]{64}")) {
                    assertThat(Digests.sha256(f)).as("content of %s", f).isEqualTo("sha256:" + hex);
                    digests.add("sha256:" + hex);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digests;
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
