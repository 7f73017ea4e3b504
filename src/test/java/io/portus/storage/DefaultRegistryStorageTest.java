package io.portus.storage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.portus.storage.RegistryStorage.Blob;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Manifests, tags, referrers, blob links and the catalog. */
class DefaultRegistryStorageTest extends RegistryStorageTestBase {

    // ---- blob links ----------------------------------------------------------------------------

    @Test
    void mountLinksABlobTheSourceHas() throws IOException {
        Blob blob = push(OTHER, bytes("layer"));
        assertThat(storage.mountBlob(REPO, OTHER, blob.digest())).hasValueSatisfying(b -> assertThat(b.size()).isEqualTo(5));
        assertThat(storage.blob(REPO, blob.digest())).isPresent();
        Digest missing = Digest.sha256(bytes("nobody has this"));
        assertThat(storage.mountBlob(REPO, OTHER, missing)).isEmpty();
        assertThat(storage.blob(REPO, missing)).isEmpty();
        assertThat(storage.mountBlob(new RepositoryName("third"), REPO, blob.digest())).isPresent();
    }

    @Test
    void deleteBlobUnlinksButKeepsTheData() throws IOException {
        Blob blob = push(REPO, bytes("layer"));
        storage.mountBlob(OTHER, REPO, blob.digest());
        assertThat(storage.deleteBlob(REPO, blob.digest())).isTrue();
        assertThat(storage.blob(REPO, blob.digest())).isEmpty();
        assertThat(storage.deleteBlob(REPO, blob.digest())).isFalse();
        assertThat(storage.blob(OTHER, blob.digest())).isPresent();
    }

    @Test
    void aBlobWhoseDataIsGoneIsUnknown() throws IOException {
        Blob blob = push(REPO, bytes("layer"));
        store.delete(StoragePaths.blobDir(blob.digest())); // e.g. garbage-collected
        assertThat(storage.blob(REPO, blob.digest())).isEmpty();
    }

    // ---- manifests, tags, referrers -----------------------------------------------------------

    static byte[] manifest(String marker) {
        return bytes("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"x\":\"" + marker + "\"}");
    }

    Digest putManifest(RepositoryName repo, String marker, Optional<Digest> subject) throws IOException {
        byte[] m = manifest(marker);
        Digest d = Digest.sha256(m);
        storage.putManifest(repo, d, m, subject);
        return d;
    }

    @Test
    void manifestsAreStoredAsBlobsAndLinkedAsRevisions() throws IOException {
        Digest d = putManifest(REPO, "a", Optional.empty());
        assertThat(storage.manifest(REPO, d)).hasValue(manifest("a"));
        assertThat(storage.manifest(OTHER, d)).isEmpty();
        assertThat(store.getContent(StoragePaths.blobData(d))).isEqualTo(manifest("a"));
        assertThat(store.getContent(StoragePaths.revisionLink(REPO, d))).isEqualTo(bytes(d.toString()));
        assertThat(storage.blob(REPO, d)).hasValueSatisfying(b -> assertThat(b.size()).isEqualTo(manifest("a").length));
        // the same manifest in a second repository shares the blob
        storage.putManifest(OTHER, d, manifest("a"), Optional.empty());
        assertThat(storage.manifest(OTHER, d)).hasValue(manifest("a"));
    }

    @Test
    void returnedManifestBytesAreNotShared() throws IOException {
        Digest d = putManifest(REPO, "a", Optional.empty());
        storage.manifest(REPO, d).orElseThrow()[0] = 'X';
        assertThat(storage.manifest(REPO, d)).hasValue(manifest("a"));
    }

    @Test
    void tagsPointAtManifestsAndMove() throws IOException {
        Digest a = putManifest(REPO, "a", Optional.empty());
        Digest b = putManifest(REPO, "b", Optional.empty());
        storage.tag(REPO, "latest", a);
        assertThat(storage.resolveTag(REPO, "latest")).hasValue(a);
        storage.tag(REPO, "latest", b);
        assertThat(storage.resolveTag(REPO, "latest")).hasValue(b);
        assertThat(store.stat(StoragePaths.tagIndexLink(REPO, "latest", a))).isPresent();
        assertThat(store.stat(StoragePaths.tagIndexLink(REPO, "latest", b))).isPresent();
        assertThat(storage.resolveTag(REPO, "nope")).isEmpty();
        assertThat(storage.resolveTag(REPO, "../../x")).isEmpty();
        assertThat(storage.resolveTag(OTHER, "latest")).isEmpty();
        assertThatThrownBy(() -> storage.tag(REPO, "bad/tag", a)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.tag(REPO, ".hidden", a)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tagsAreSortedAndUnknownRepositoriesHaveNone() throws IOException {
        Digest a = putManifest(REPO, "a", Optional.empty());
        for (String t : new String[] {"v10", "latest", "V2", "v1", "1.0", "_x", "v1.0-rc"}) {
            storage.tag(REPO, t, a);
        }
        assertThat(storage.tags(REPO)).hasValue(List.of("1.0", "V2", "_x", "latest", "v1", "v1.0-rc", "v10"));
        assertThat(storage.tags(OTHER)).isEmpty();
        push(OTHER, bytes("only a layer"));
        assertThat(storage.tags(OTHER)).hasValue(List.of());
        assertThat(storage.tagsOf(REPO, a)).hasSize(7);
    }

    @Test
    void deleteTagKeepsTheManifest() throws IOException {
        Digest a = putManifest(REPO, "a", Optional.empty());
        storage.tag(REPO, "one", a);
        storage.tag(REPO, "two", a);
        assertThat(storage.deleteTag(REPO, "one")).isTrue();
        assertThat(storage.deleteTag(REPO, "one")).isFalse();
        assertThat(storage.deleteTag(REPO, "..")).isFalse();
        assertThat(storage.resolveTag(REPO, "one")).isEmpty();
        assertThat(storage.tags(REPO)).hasValue(List.of("two"));
        assertThat(storage.manifest(REPO, a)).isPresent();
    }

    @Test
    void deleteManifestRemovesItsTagsOnly() throws IOException {
        Digest a = putManifest(REPO, "a", Optional.empty());
        Digest b = putManifest(REPO, "b", Optional.empty());
        storage.tag(REPO, "latest", a);
        storage.tag(REPO, "v1", a);
        storage.tag(REPO, "v2", b);
        storage.tag(REPO, "was-a", a);
        storage.tag(REPO, "was-a", b);
        assertThat(storage.tagsOf(REPO, a)).containsExactly("latest", "v1");

        assertThat(storage.deleteManifest(REPO, a)).hasValue(List.of("latest", "v1"));
        assertThat(storage.manifest(REPO, a)).isEmpty();
        assertThat(storage.blob(REPO, a)).isEmpty();
        assertThat(storage.tags(REPO)).hasValue(List.of("v2", "was-a"));
        assertThat(storage.resolveTag(REPO, "was-a")).hasValue(b);
        assertThat(store.stat(StoragePaths.blobData(a))).isPresent(); // garbage collection is separate
        assertThat(storage.deleteManifest(REPO, a)).isEmpty();
        assertThat(storage.deleteManifest(OTHER, b)).isEmpty();
    }

    @Test
    void referrersAreIndexedBySubject() throws IOException {
        Digest subject = putManifest(REPO, "image", Optional.empty());
        Digest sig = putManifest(REPO, "signature", Optional.of(subject));
        Digest sbom = putManifest(REPO, "sbom", Optional.of(subject));
        Digest absent = Digest.sha256(bytes("not pushed yet"));
        Digest early = putManifest(REPO, "early", Optional.of(absent));

        assertThat(storage.referrers(REPO, subject)).containsExactlyInAnyOrder(sig, sbom)
                .isSortedAccordingTo((x, y) -> x.toString().compareTo(y.toString()));
        assertThat(storage.referrers(REPO, absent)).containsExactly(early);
        assertThat(storage.referrers(OTHER, subject)).isEmpty();
        assertThat(storage.referrers(REPO, sig)).isEmpty();
        assertThat(store.stat(StoragePaths.referrerLink(REPO, subject, sig))).isPresent();

        storage.deleteManifest(REPO, sig);
        assertThat(storage.referrers(REPO, subject)).containsExactly(sbom);
        assertThat(store.stat(StoragePaths.referrerDir(REPO, subject, sig))).isEmpty();
        // a referrer whose revision went away behind our back (distribution deleted it) is not listed
        store.delete(StoragePaths.revisionDir(REPO, sbom));
        assertThat(storage.referrers(REPO, subject)).isEmpty();
    }

    // ---- catalog ------------------------------------------------------------------------------

    @Test
    void catalogListsRepositoriesInNameOrderWithPagination() throws IOException {
        List<String> names = List.of("z", "a", "a-b", "a/b", "a/b/c", "a.b", "b/c/d", "team/app", "team/app2", "m/n");
        for (String n : names) {
            putManifest(new RepositoryName(n), n, Optional.empty());
        }
        // a repository once a blob is linked (distribution 2.8's rule), not while it only has an upload session
        storage.startUpload(new RepositoryName("only/uploads"));
        push(new RepositoryName("only/layers"), bytes("x"));
        names = new ArrayList<>(names);
        names.add("only/layers");
        List<String> sorted = names.stream().sorted().toList();

        assertThat(storage.repositories(null, 100)).isEqualTo(sorted);
        List<String> paged = new ArrayList<>();
        String last = null;
        for (List<String> page; !(page = storage.repositories(last, 3)).isEmpty(); last = page.getLast()) {
            assertThat(page.size()).isLessThanOrEqualTo(3);
            paged.addAll(page);
        }
        assertThat(paged).isEqualTo(sorted);
        assertThat(storage.repositories("a/b", 2)).containsExactly("a/b/c", "b/c/d");
        assertThat(storage.repositories("m", 10)).containsExactly("m/n", "only/layers", "team/app", "team/app2", "z");
        assertThat(storage.repositories("zz", 10)).isEmpty();
        assertThat(storage.repositories(null, 0)).isEmpty();
    }

    @Test
    void catalogOfAnEmptyStoreIsEmpty() throws IOException {
        assertThat(storage.repositories(null, 10)).isEmpty();
        assertThat(storage.repositoryExists(REPO)).isFalse();
        storage.startUpload(REPO);
        assertThat(storage.repositoryExists(REPO)).isFalse();
        push(REPO, bytes("x"));
        assertThat(storage.repositoryExists(REPO)).isTrue();
    }

}
