package io.portus.storage;

import java.io.IOException;

/**
 * Called by {@link RegistryStorage} before it lets a client rely on a digest existing (blob HEAD/GET, mount,
 * upload commit, a manifest's references, manifest PUT and tag): the garbage collector's side of the
 * hand-shake (docs/garbage-collection.md). It returns once the digest is not being deleted (the caller then
 * checks existence as usual), or throws {@link StorageUnavailableException} when it could not find out in time.
 */
@FunctionalInterface
public interface ContentGuard {

    /** No collector: nothing to coordinate with. */
    ContentGuard NONE = digest -> { };

    void beforeUse(Digest digest) throws IOException;
}
