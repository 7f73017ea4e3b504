package io.portus.gc.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.portus.common.DbClock;
import io.portus.storage.BlobStore;
import io.portus.storage.Digest;
import io.portus.storage.RepositoryName;
import io.portus.support.DatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.portus.gc.internal.GcFixture.repo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mark and sweep on a real store (filesystem or S3, by subclass) with the real coordination tables: what is kept
 * (tags, index children, referrers of kept subjects, everything untagged when asked), what goes (untagged
 * manifests, their blobs, unreferenced blobs and their {@code _layers} links), counts, dry run, grace period.
 */
abstract class CollectorContract extends DatabaseTest {

    static final RepositoryName A = repo("lib/app");
    static final RepositoryName B = repo("other");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DbClock clock;

    GcFixture f;
    DbCoordination coordination;

    // kept
    Digest c1, l1, l2, m1, c3, l4, m3, c4, l5, m4, i1, c5, l6, r1, cb, mb;
    // untagged / unreferenced
    Digest c2, l3, m2, c6, l7, r2, o1, o2, cbu, lbu, mbu;

    abstract BlobStore newStore() throws IOException;

    @BeforeEach
    void content() throws IOException {
        f = new GcFixture(newStore());
        coordination = new DbCoordination(jdbc, clock);
        c1 = f.blob(A); l1 = f.blob(A); l2 = f.blob(A);
        m1 = f.image(A, "v1", c1, l1, l2);
        c2 = f.blob(A); l3 = f.blob(A);
        m2 = f.image(A, "old", c2, l1, l3);
        f.storage.deleteTag(A, "old");
        c3 = f.blob(A); l4 = f.blob(A); c4 = f.blob(A); l5 = f.blob(A);
        m3 = f.image(A, null, c3, l4);
        m4 = f.image(A, null, c4, l5);
        i1 = f.index(A, "multi", m3, m4);
        c5 = f.blob(A); l6 = f.blob(A);
        r1 = f.referrer(A, m1, c5, l6);
        c6 = f.blob(A); l7 = f.blob(A);
        r2 = f.referrer(A, m2, c6, l7);
        o1 = f.blob(A);
        o2 = f.data();
        cb = f.blob(B);
        f.link(B, l1);
        mb = f.image(B, "latest", cb, l1);
        cbu = f.blob(B); lbu = f.blob(B);
        mbu = f.image(B, null, cbu, lbu);
    }

    @AfterEach
    void close() throws Exception {
        if (f.store instanceof AutoCloseable c) {
            c.close();
        }
    }

    Progress run(boolean dryRun, boolean deleteUntagged, Duration grace, CollectorHooks hooks) throws IOException {
        Progress p = new Progress();
        new Collector(f.store, f.storage, coordination, hooks).collect(
                new Collector.Settings(1, dryRun, deleteUntagged, grace), p);
        return p;
    }

    List<Digest> kept() {
        return List.of(c1, l1, l2, m1, c3, l4, m3, c4, l5, m4, i1, c5, l6, r1, cb, mb);
    }

    List<Digest> garbage() {
        return List.of(c2, l3, m2, c6, l7, r2, o1, o2, cbu, lbu, mbu);
    }

    long bytes(List<Digest> digests) throws IOException {
        long sum = 0;
        for (Digest d : digests) {
            sum += f.size(d);
        }
        return sum;
    }

    @Test
    void deletesUntaggedManifestsAndWhatNothingReferences() throws IOException {
        long garbageBytes = bytes(garbage());
        Progress p = run(false, true, Duration.ZERO, CollectorHooks.NONE);

        assertThat(p.manifestsDeleted.get()).isEqualTo(3);
        assertThat(p.blobsDeleted.get()).isEqualTo(garbage().size());
        assertThat(p.bytesFreed.get()).isEqualTo(garbageBytes);
        assertThat(p.repositoriesScanned.get()).isEqualTo(2);
        for (Digest d : kept()) {
            assertThat(f.hasData(d)).as("kept %s", d).isTrue();
        }
        for (Digest d : garbage()) {
            assertThat(f.hasData(d)).as("deleted %s", d).isFalse();
        }
        for (Digest d : List.of(m1, m3, m4, i1, r1)) {
            assertThat(f.hasRevision(A, d)).isTrue();
        }
        assertThat(f.hasRevision(A, m2)).isFalse();
        assertThat(f.hasRevision(A, r2)).isFalse();
        assertThat(f.hasRevision(B, mbu)).isFalse();
        assertThat(f.storage.referrers(A, m1)).containsExactly(r1);
        assertThat(f.storage.referrers(A, m2)).isEmpty();
        // dangling _layers links of deleted blobs are gone, the others stay
        for (Digest d : List.of(c2, l3, c6, l7, o1)) {
            assertThat(f.hasLayerLink(A, d)).as("link %s", d).isFalse();
        }
        assertThat(f.hasLayerLink(B, cbu)).isFalse();
        assertThat(f.hasLayerLink(A, l1)).isTrue();
        assertThat(f.hasLayerLink(B, l1)).isTrue();
        assertTagsComplete();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM gc_deletions").query(Long.class).single()).isZero();
    }

    @Test
    void keepsEveryRevisionWhenUntaggedManifestsAreKept() throws IOException {
        Progress p = run(false, false, Duration.ZERO, CollectorHooks.NONE);

        assertThat(p.manifestsDeleted.get()).isZero();
        assertThat(p.blobsDeleted.get()).isEqualTo(2);
        assertThat(f.hasData(o1)).isFalse();
        assertThat(f.hasData(o2)).isFalse();
        assertThat(f.hasLayerLink(A, o1)).isFalse();
        for (Digest d : List.of(c2, l3, m2, c6, l7, r2, cbu, lbu, mbu)) {
            assertThat(f.hasData(d)).isTrue();
        }
        assertThat(f.storage.manifest(A, m2)).isPresent();
        assertThat(f.storage.referrers(A, m2)).containsExactly(r2);
    }

    @Test
    void aDryRunCountsWhatARunDeletesAndDeletesNothing() throws IOException {
        long garbageBytes = bytes(garbage());
        Progress dry = run(true, true, Duration.ZERO, CollectorHooks.NONE);

        assertThat(dry.manifestsDeleted.get()).isEqualTo(3);
        assertThat(dry.blobsDeleted.get()).isEqualTo(garbage().size());
        assertThat(dry.bytesFreed.get()).isEqualTo(garbageBytes);
        for (Digest d : garbage()) {
            assertThat(f.hasData(d)).isTrue();
        }
        assertThat(f.hasRevision(A, m2)).isTrue();

        Progress real = run(false, true, Duration.ZERO, CollectorHooks.NONE);
        assertThat(real.manifestsDeleted.get()).isEqualTo(dry.manifestsDeleted.get());
        assertThat(real.blobsDeleted.get()).isEqualTo(dry.blobsDeleted.get());
        assertThat(real.bytesFreed.get()).isEqualTo(dry.bytesFreed.get());
    }

    @Test
    void theGracePeriodKeepsRecentContent() throws IOException {
        Progress p = run(false, true, Duration.ofHours(1), CollectorHooks.NONE);

        assertThat(p.manifestsDeleted.get()).isZero();
        assertThat(p.blobsDeleted.get()).isZero();
        for (Digest d : garbage()) {
            assertThat(f.hasData(d)).isTrue();
        }
        assertThat(f.hasRevision(A, m2)).isTrue();
    }

    @Test
    void aSecondRunFindsNothingMore() throws IOException {
        run(false, true, Duration.ZERO, CollectorHooks.NONE);
        Progress again = run(false, true, Duration.ZERO, CollectorHooks.NONE);

        assertThat(again.manifestsDeleted.get()).isZero();
        assertThat(again.blobsDeleted.get()).isZero();
        assertTagsComplete();
    }

    /** Every tag resolves to a manifest whose blobs (and children's blobs) are all there. */
    void assertTagsComplete() throws IOException {
        for (RepositoryName repo : List.of(A, B)) {
            for (String tag : f.storage.tags(repo).orElseThrow()) {
                assertComplete(repo, f.storage.resolveTag(repo, tag).orElseThrow());
            }
        }
    }

    private void assertComplete(RepositoryName repo, Digest manifest) throws IOException {
        byte[] bytes = f.storage.manifest(repo, manifest).orElseThrow(() -> new AssertionError("missing " + manifest));
        assertThat(GcFixture.digestOf(bytes)).isEqualTo(manifest);
        ManifestRefs refs = ManifestRefs.parse(bytes);
        for (Digest b : refs.blobs()) {
            assertThat(f.storage.blob(repo, b)).as("blob %s of %s", b, manifest).isPresent();
        }
        for (Digest child : refs.children()) {
            assertComplete(repo, child);
        }
    }

    Set<Digest> none() {
        return Set.of();
    }

    @Test
    void aDeletedManifestLeavesNoTagHistoryBehind() throws IOException {
        RepositoryName moved = repo("lib/moved");
        Digest before = f.image(moved, "t", f.blob(moved), f.blob(moved));
        Digest after = f.image(moved, "t", f.blob(moved), f.blob(moved)); // the tag moves: `before` is untagged
        String history = io.portus.storage.StoragePaths.tagIndexLink(moved, "t", before);
        assertThat(f.store.stat(history)).isPresent();

        run(false, true, Duration.ZERO, CollectorHooks.NONE);

        assertThat(f.hasRevision(moved, before)).isFalse();
        assertThat(f.store.stat(history)).as("distribution removes the tag's index entry too").isEmpty();
        assertThat(f.store.stat(io.portus.storage.StoragePaths.tagIndexLink(moved, "t", after))).isPresent();
        assertThat(f.storage.resolveTag(moved, "t")).contains(after);
    }
}
