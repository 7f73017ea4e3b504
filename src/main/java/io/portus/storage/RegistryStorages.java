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
}
