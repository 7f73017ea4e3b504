package io.portus.common;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for request and event ids. They must be unique, not unpredictable, so they come
 * from {@link ThreadLocalRandom} instead of {@link UUID#randomUUID()}, whose one shared {@code SecureRandom}
 * every request thread would queue on (two ids per manifest GET).
 */
public final class RandomIds {

    private RandomIds() {
    }

    public static String uuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;                        // version 4
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
        return new UUID(high, low).toString();
    }
}
