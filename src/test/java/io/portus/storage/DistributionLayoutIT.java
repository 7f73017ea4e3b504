package io.portus.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.portus.it.DistributionProcess;
import io.portus.it.RegistryHttp;
import io.portus.it.Skopeo;
import io.portus.it.Tools;
import io.portus.storage.MemoryImages.Content;
import io.portus.storage.MemoryImages.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Interop with CNCF distribution 2.8 ({@code /usr/bin/docker-registry}) on the same directory: what
 * distribution writes, {@link RegistryStorage} reads; what {@link RegistryStorage} writes, distribution
 * serves to skopeo with identical digests. Skipped only when docker-registry or skopeo is missing.
 */
class DistributionLayoutIT {

    static final RepositoryName APP = new RepositoryName("team/app");
    static final RepositoryName IMG = new RepositoryName("other/img");

    @TempDir
    Path tmp;

    Content shared;
    Image amd64;
    Image arm64;
    Content index;

    @BeforeAll
    static void needsTheReferenceTools() {
        assumeTrue(Tools.installed("docker-registry"), "docker-registry (distribution 2.8) not installed");
        assumeTrue(Tools.installed("skopeo"), "skopeo not installed");
    }

    @BeforeEach
    void images() throws IOException {
        shared = MemoryImages.layer("bin/shared", 300_000, 1);
        amd64 = MemoryImages.image("amd64", List.of(shared, MemoryImages.layer("bin/amd", 200_000, 2)));
        arm64 = MemoryImages.image("arm64", List.of(shared, MemoryImages.layer("bin/arm", 100_000, 3)));
        index = MemoryImages.index(MemoryImages.byArch(amd64, arm64));
    }

    List<Content> allBlobs() {
        List<Content> all = new ArrayList<>(amd64.blobs());
        all.addAll(arm64.blobs().subList(1, arm64.blobs().size())); // shared layer once
        all.add(amd64.manifest());
        all.add(arm64.manifest());
        all.add(index);
        return all;
    }

    DistributionProcess distribution(Path root) {
        return DistributionProcess.builder("layout-dist", root).quiet().start();
    }

    @Test
    void whatDistributionWritesIsReadCorrectly() throws Exception {
        Path layout = tmp.resolve("layout");
        Map<String, Content> tags = new LinkedHashMap<>();
        tags.put("multi", index);
        tags.put("single", amd64.manifest());
        MemoryImages.writeLayout(layout, tags, allBlobs());
        Path root = tmp.resolve("storage");
        Skopeo skopeo = new Skopeo(tmp.resolve("skopeo"));
        String uploadId;
        try (DistributionProcess d = distribution(root)) {
            skopeo.copy("oci:" + layout + ":multi", "docker://" + d.hostPort() + "/team/app:v1",
                    "--all", "--preserve-digests");
            skopeo.copy("oci:" + layout + ":single", "docker://" + d.hostPort() + "/team/app:amd",
                    "--preserve-digests");
            skopeo.copy("oci:" + layout + ":single", "docker://" + d.hostPort() + "/other/img:latest",
                    "--preserve-digests");
            uploadId = startUploadAtDistribution(d, "team/app", MemoryImages.utf8("first half|"));
        }

        RegistryStorage storage = RegistryStorages.create(new FilesystemBlobStore(root));
        assertThat(storage.repositories(null, 100)).containsExactly("other/img", "team/app");
        assertThat(storage.repositories("other/img", 100)).containsExactly("team/app");
        assertThat(storage.tags(APP)).hasValue(List.of("amd", "v1"));
        assertThat(storage.tags(IMG)).hasValue(List.of("latest"));
        assertThat(storage.resolveTag(APP, "v1")).hasValue(index.digest());
        assertThat(storage.resolveTag(APP, "amd")).hasValue(amd64.manifest().digest());
        assertThat(storage.tagsOf(APP, index.digest())).containsExactly("v1");
        for (Content m : List.of(index, amd64.manifest(), arm64.manifest())) {
            assertThat(storage.manifest(APP, m.digest())).hasValue(m.bytes());
        }
        assertThat(storage.manifest(IMG, arm64.manifest().digest())).isEmpty();
        for (Content blob : allBlobs()) {
            assertBlob(storage, APP, blob);
        }
        assertBlob(storage, IMG, amd64.config());
        assertThat(storage.blob(IMG, arm64.layers().get(1).digest())).isEmpty();

        // distribution's half-finished upload session (data, startedat, hashstates) continues here
        assertThat(storage.upload(APP, uploadId)).hasValueSatisfying(s -> assertThat(s.size()).isEqualTo(11));
        storage.appendUpload(APP, uploadId, new ByteArrayInputStream(MemoryImages.utf8("second half")));
        byte[] whole = MemoryImages.utf8("first half|second half");
        assertThat(storage.commitUpload(APP, uploadId, Digest.sha256(whole)).size()).isEqualTo(whole.length);
        assertThat(storage.blob(APP, Digest.sha256(whole))).isPresent();

        assertThat(storage.deleteManifest(APP, amd64.manifest().digest())).hasValue(List.of("amd"));
        assertThat(storage.tags(APP)).hasValue(List.of("v1"));
    }

    /** POST + PATCH at distribution; returns the session id it gave. */
    private static String startUploadAtDistribution(DistributionProcess d, String repo, byte[] firstChunk)
            throws Exception {
        RegistryHttp http = new RegistryHttp(d.baseUri());
        HttpResponse<byte[]> post = http.send(http.request("/v2/" + repo + "/blobs/uploads/")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(post.statusCode()).isEqualTo(202);
        String location = post.headers().firstValue("Location").orElseThrow();
        HttpResponse<byte[]> patch = http.send(http.request(location, "Content-Type", "application/octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(firstChunk)).build());
        assertThat(patch.statusCode()).isEqualTo(202);
        return post.headers().firstValue("Docker-Upload-UUID").orElseThrow();
    }

    private static void assertBlob(RegistryStorage storage, RepositoryName repo, Content c) throws IOException {
        var blob = storage.blob(repo, c.digest());
        assertThat(blob).as("blob %s in %s", c.digest(), repo).isPresent();
        assertThat(blob.get().size()).isEqualTo(c.bytes().length);
        try (var in = blob.get().open(0)) {
            assertThat(in.readAllBytes()).isEqualTo(c.bytes());
        }
        assertThat(((RegistryStorage.LocalFileBlob) blob.get()).localFile()).isPresent();
    }

    @Test
    void whatWeWriteIsServedByDistribution() throws Exception {
        Path root = tmp.resolve("storage");
        RegistryStorage storage = RegistryStorages.create(new FilesystemBlobStore(root));
        Content empty = MemoryImages.emptyJson();
        Content signature = MemoryImages.referrer(amd64.manifest(), "application/vnd.example.signature");
        for (Content c : allBlobs()) {
            if (!c.mediaType().equals(MemoryImages.MANIFEST) && !c.mediaType().equals(MemoryImages.INDEX)) {
                push(storage, APP, c);
            }
        }
        push(storage, APP, empty);
        for (Content m : List.of(amd64.manifest(), arm64.manifest(), index)) {
            storage.putManifest(APP, m.digest(), m.bytes(), Optional.empty());
        }
        storage.putManifest(APP, signature.digest(), signature.bytes(), Optional.of(amd64.manifest().digest()));
        storage.tag(APP, "v1", index.digest());
        storage.tag(APP, "single", amd64.manifest().digest());
        assertThat(storage.referrers(APP, amd64.manifest().digest())).containsExactly(signature.digest());

        Path out = tmp.resolve("pulled");
        Skopeo skopeo = new Skopeo(tmp.resolve("skopeo"));
        DistributionProcess d = distribution(root);
        try (d) {
            RegistryHttp http = new RegistryHttp(d.baseUri());
            String catalog = new String(http.get("/v2/_catalog", "Accept", "application/json").body(),
                    StandardCharsets.UTF_8);
            assertThat(catalog).isEqualTo("{\"repositories\":[\"team/app\"]}\n");
            String tags = new String(http.get("/v2/team/app/tags/list", "Accept", "application/json").body(),
                    StandardCharsets.UTF_8);
            assertThat(tags).startsWith("{\"name\":\"team/app\",\"tags\":[").contains("\"v1\"", "\"single\"");

            String raw = new String(skopeo.inspectRaw("docker://" + d.hostPort() + "/team/app:v1"),
                    StandardCharsets.UTF_8);
            assertThat(raw).isEqualTo(new String(index.bytes(), StandardCharsets.UTF_8));
            skopeo.copy("docker://" + d.hostPort() + "/team/app:v1", "oci:" + out + ":v1", "--all", "--preserve-digests");

            var sig = http.get("/v2/team/app/manifests/" + signature.digest(), "Accept", MemoryImages.MANIFEST);
            assertThat(sig.statusCode()).isEqualTo(200);
            assertThat(sig.body()).isEqualTo(signature.bytes());
            var layer = http.get("/v2/team/app/blobs/" + shared.digest(), "Accept", "*/*");
            assertThat(layer.body()).isEqualTo(shared.bytes());
        }
        assertThat(Files.readString(out.resolve("index.json"))).contains(index.digest().toString());
        for (Content c : allBlobs()) {
            assertThat(out.resolve("blobs/sha256/" + c.digest().hex())).as("pulled %s", c.digest()).hasBinaryContent(c.bytes());
        }
        // distribution's garbage collector walks our tree (with _referrers in it) without complaint
        String gc = d.garbageCollect("--dry-run");
        assertThat(gc).contains("eligible for deletion");
    }

    private static void push(RegistryStorage storage, RepositoryName repo, Content c) throws IOException {
        var session = storage.startUpload(repo);
        storage.appendUpload(repo, session.id(), new ByteArrayInputStream(c.bytes()));
        storage.commitUpload(repo, session.id(), c.digest());
    }
}
