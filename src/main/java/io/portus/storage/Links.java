package io.portus.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Link files: the digest string, nothing else, written atomically and durably. */
final class Links {

    private Links() {
    }

    static void write(BlobStore store, String path, Digest digest) throws IOException {
        store.putContent(path, digest.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** The digest a link holds; empty when there is no link. */
    static Optional<Digest> read(BlobStore store, String path) throws IOException {
        byte[] content;
        try {
            content = store.getContent(path);
        } catch (PathNotFoundException e) {
            return Optional.empty();
        }
        String text = new String(content, StandardCharsets.US_ASCII).trim();
        if (!Digest.isDigest(text)) {
            throw new IOException("corrupt link " + path + ": not a digest");
        }
        return Optional.of(Digest.parse(text));
    }

    /** True when a link object (not a directory) is at {@code path}. */
    static boolean exists(BlobStore store, String path) throws IOException {
        return store.isObject(path);
    }
}
