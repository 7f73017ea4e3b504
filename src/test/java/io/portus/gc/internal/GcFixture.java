package io.portus.gc.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import io.portus.storage.BlobStore;
import io.portus.storage.Digest;
import io.portus.storage.RegistryStorage;
import io.portus.storage.RegistryStorages;
import io.portus.storage.RepositoryName;
import io.portus.storage.StoragePaths;

/** Content written straight into a store in distribution's layout (no guard: what existed before a run). */
final class GcFixture {

    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

    final BlobStore store;
    final RegistryStorage storage;

    GcFixture(BlobStore store) {
        this.store = store;
        this.storage = RegistryStorages.create(store);
    }

    static RepositoryName repo(String name) {
        return new RepositoryName(name);
    }

    static Digest digestOf(byte[] content) {
        MessageDigest md = Digest.newMessageDigest("sha256");
        md.update(content);
        return Digest.of("sha256", md);
    }

    /** Random bytes stored as a blob, not linked anywhere. */
    Digest data() throws IOException {
        byte[] content = new byte[100 + ThreadLocalRandom.current().nextInt(900)];
        ThreadLocalRandom.current().nextBytes(content);
        Digest d = digestOf(content);
        store.putContent(StoragePaths.blobData(d), content);
        return d;
    }

    /** A blob linked into {@code repo}'s {@code _layers}. */
    Digest blob(RepositoryName repo) throws IOException {
        Digest d = data();
        link(repo, d);
        return d;
    }

    void link(RepositoryName repo, Digest d) throws IOException {
        store.putContent(StoragePaths.layerLink(repo, d), d.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** An OCI image manifest of {@code config} and {@code layers}, tagged when {@code tag} is not null. */
    Digest image(RepositoryName repo, String tag, Digest config, Digest... layers) throws IOException {
        return manifest(repo, tag, imageJson(config, null, layers), null);
    }

    /** An OCI artifact manifest with a subject (a referrer: signature, SBOM). */
    Digest referrer(RepositoryName repo, Digest subject, Digest config, Digest layer) throws IOException {
        return manifest(repo, null, imageJson(config, subject, layer), subject);
    }

    /** An OCI index of {@code children}, tagged when {@code tag} is not null. */
    Digest index(RepositoryName repo, String tag, Digest... children) throws IOException {
        StringBuilder json = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":[");
        for (int i = 0; i < children.length; i++) {
            json.append(i == 0 ? "" : ",").append(descriptor(OCI_MANIFEST, children[i]).replace("}",
                    ",\"platform\":{\"architecture\":\"arch" + i + "\",\"os\":\"linux\"}}"));
        }
        return manifest(repo, tag, json.append("]}").toString(), null);
    }

    Digest manifest(RepositoryName repo, String tag, String json, Digest subject) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Digest d = digestOf(bytes);
        storage.putManifest(repo, d, bytes, Optional.ofNullable(subject));
        if (tag != null) {
            storage.tag(repo, tag, d);
        }
        return d;
    }

    static String imageJson(Digest config, Digest subject, Digest... layers) {
        StringBuilder json = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"config\":"
                + descriptor("application/vnd.oci.image.config.v1+json", config) + ",\"layers\":[");
        for (int i = 0; i < layers.length; i++) {
            json.append(i == 0 ? "" : ",").append(descriptor("application/vnd.oci.image.layer.v1.tar", layers[i]));
        }
        json.append("]");
        if (subject != null) {
            json.append(",\"artifactType\":\"application/vnd.example.sig\",\"subject\":")
                    .append(descriptor(OCI_MANIFEST, subject));
        }
        return json.append("}").toString();
    }

    private static String descriptor(String mediaType, Digest d) {
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + d + "\",\"size\":1}";
    }

    boolean hasData(Digest d) throws IOException {
        return store.isObject(StoragePaths.blobData(d));
    }

    boolean hasLayerLink(RepositoryName repo, Digest d) throws IOException {
        return store.isObject(StoragePaths.layerLink(repo, d));
    }

    boolean hasRevision(RepositoryName repo, Digest d) throws IOException {
        return store.isObject(StoragePaths.revisionLink(repo, d));
    }

    long size(Digest d) throws IOException {
        return store.stat(StoragePaths.blobData(d)).orElseThrow().size();
    }
}
