package io.portus.it.images;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * An OCI image layout ({@code oci-layout}, {@code blobs/sha256/}, {@code index.json}) or a containers-image
 * {@code dir:} layout (blobs by hex name, per-platform manifests as {@code <hex>.manifest.json}, the top one
 * as {@code manifest.json}).
 */
final class Layout {
    final Path dir;
    final Path blobs;
    final boolean docker;

    Layout(Path dir, boolean docker) throws IOException {
        this.dir = dir;
        this.docker = docker;
        this.blobs = docker ? dir : dir.resolve("blobs").resolve("sha256");
        Files.createDirectories(blobs);
        if (docker) {
            Files.writeString(dir.resolve("version"), "Directory Transport Version: 1.1\n");
        } else {
            Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        }
    }

    Blob blob(byte[] bytes) throws IOException {
        String digest = sha256(bytes);
        Files.write(blobs.resolve(digest.substring(7)), bytes);
        return new Blob(digest, bytes.length, null);
    }

    Blob manifest(byte[] bytes, boolean top) throws IOException {
        if (!docker) {
            return blob(bytes);
        }
        String digest = sha256(bytes);
        Files.write(dir.resolve(top ? "manifest.json" : digest.substring(7) + ".manifest.json"), bytes);
        return new Blob(digest, bytes.length, null);
    }

    /** Streams the tar through gzip at {@code level} into a blob. */
    Blob layer(Content tar, int level) throws IOException {
        Path tmp = Files.createTempFile(blobs, "layer", ".tmp");
        Hashing compressed;
        Hashing plain;
        try (OutputStream file = Files.newOutputStream(tmp)) {
            compressed = new Hashing(file);
            GZIPOutputStream gzip = new GZIPOutputStream(compressed, 1 << 16) {
                {
                    def.setLevel(level);
                }
            };
            plain = new Hashing(gzip);
            tar.writeTo(plain);
            gzip.finish();
        }
        String digest = compressed.digest();
        Files.move(tmp, blobs.resolve(digest.substring(7)), StandardCopyOption.REPLACE_EXISTING);
        return new Blob(digest, compressed.count, plain.digest());
    }

    /** OCI layouts: index.json naming the image {@code latest} (written last: it marks the layout complete). */
    void tag(String mediaType, Blob manifest) throws IOException {
        Map<String, Object> desc = Map.of("mediaType", mediaType, "digest", manifest.digest(), "size", manifest.size(),
                "annotations", Map.of("org.opencontainers.image.ref.name", "latest"));
        Files.write(dir.resolve("index.json"),
                CanonicalJson.write(Map.of("schemaVersion", 2, "mediaType", ImageMaker.OCI_INDEX, "manifests", List.of(desc))));
    }

    static String sha256(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(sha().digest(bytes));
    }

    static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored blob: digest and size, plus the digest of the uncompressed tar for layers. */
    record Blob(String digest, long size, String diffId) {
    }

    /** Writes something into an output stream (a layer's tar). */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Counts and hashes what passes through. */
    private static final class Hashing extends FilterOutputStream {
        final MessageDigest sha = Layout.sha();
        long count;

        Hashing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            sha.update(b, off, len);
            count += len;
            out.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        String digest() {
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        }
    }
}
