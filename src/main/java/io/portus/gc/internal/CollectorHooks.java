package io.portus.gc.internal;

import io.portus.storage.Digest;
import io.portus.storage.RepositoryName;

/**
 * Points in a collection where tests interleave pushes deterministically (docs/garbage-collection.md names each
 * interleaving); nothing happens there in production.
 */
interface CollectorHooks {

    CollectorHooks NONE = new CollectorHooks() { };

    /** The mark phase is done with {@code repo}. */
    default void repositoryScanned(RepositoryName repo) {
    }

    /** The collector is about to announce the deletion of {@code digest} (no row yet). */
    default void beforeDeletion(Digest digest) {
    }

    /** The deletion row of {@code digest} is committed; the collector is about to re-check it. */
    default void deletionAnnounced(Digest digest) {
    }

    /** The re-check passed: the collector is about to delete {@code digest}, its row still there. */
    default void deletionConfirmed(Digest digest) {
    }
}
