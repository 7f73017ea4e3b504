package io.portus.registry.internal;

import io.portus.common.RandomIds;

/** Random (version 4) UUIDs for event ids ({@link RandomIds}). */
final class Ids {

    private Ids() {
    }

    static String uuid() {
        return RandomIds.uuid();
    }
}
