package io.portus.gc.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.portus.storage.BlobStore;
import io.portus.storage.Digest;
import io.portus.storage.PathNotFoundException;
import io.portus.storage.RepositoryName;
import io.portus.storage.StoragePaths;

/** Reading distribution's layout ({@link StoragePaths}) for the collector: digest directories, tags, links. */
final class Layout {

    private final BlobStore store;

    Layout(BlobStore store) {
        this.store = store;
    }

    BlobStore store() {
        return store;
    }

    /** Digests of {@code <dir>/<alg>/<hex>} directories (revisions, {@code _layers}). */
    List<Digest> digestDirs(String dir) throws IOException {
        List<Digest> out = new ArrayList<>();
        for (String algDir : store.list(dir)) {
            String alg = base(algDir);
            for (String hexDir : store.list(algDir)) {
                String candidate = alg + ":" + base(hexDir);
                if (Digest.isDigest(candidate)) {
                    out.add(Digest.parse(candidate));
                }
            }
        }
        return out;
    }

    List<Digest> revisions(RepositoryName repo) throws IOException {
        return digestDirs(StoragePaths.manifests(repo) + "/revisions");
    }

    List<Digest> layerLinks(RepositoryName repo) throws IOException {
        return digestDirs(StoragePaths.layers(repo));
    }

    /** The repository's tag directories ({@code _manifests/tags/<tag>}). */
    List<String> tagDirs(RepositoryName repo) throws IOException {
        return store.list(StoragePaths.tags(repo));
    }

    /** What the repository's tags point at now. */
    List<Digest> taggedNow(RepositoryName repo) throws IOException {
        List<Digest> out = new ArrayList<>();
        for (String tagDir : store.list(StoragePaths.tags(repo))) {
            link(tagDir + "/current/link").ifPresent(out::add);
        }
        return out;
    }

    Optional<Digest> link(String path) throws IOException {
        try {
            String text = new String(store.getContent(path), StandardCharsets.US_ASCII).trim();
            return Digest.isDigest(text) ? Optional.of(Digest.parse(text)) : Optional.empty();
        } catch (PathNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Manifest content by digest; empty when the blob is missing. */
    Optional<byte[]> content(Digest digest) throws IOException {
        try {
            return Optional.of(store.getContent(StoragePaths.blobData(digest)));
        } catch (PathNotFoundException e) {
            return Optional.empty();
        }
    }

    static String base(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
