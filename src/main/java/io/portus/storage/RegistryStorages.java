package io.portus.storage;

import java.time.Clock;

/** Creates the {@link RegistryStorage} of a driver. */
public final class RegistryStorages {

    private RegistryStorages() {
    }

    /** Registry storage in distribution's layout on {@code store} (any driver). */
    public static RegistryStorage create(BlobStore store) {
        return new DefaultRegistryStorage(store, Clock.systemUTC());
    }

    /** The same, asking {@code guard} before any answer that makes a client rely on a digest (garbage collection). */
    public static RegistryStorage create(BlobStore store, ContentGuard guard) {
        RegistryStorage storage = create(store);
        return guard == ContentGuard.NONE ? storage : new GuardedRegistryStorage(storage, guard);
    }
}
