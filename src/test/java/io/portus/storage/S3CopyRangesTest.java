package io.portus.storage;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Server-side copies of big objects: parts of at most 5 GiB, none below S3's 5 MiB minimum, covering every byte. */
class S3CopyRangesTest {

    static final long GIB = 1024L * 1024 * 1024;

    @ParameterizedTest
    @ValueSource(longs = {5L * 1024 * 1024, 1 * GIB, 5 * GIB, 5 * GIB + 1, 10 * GIB + 7, 47 * GIB + 12345})
    void partsAreContiguousEqualAndWithinS3Limits(long size) {
        List<long[]> ranges = S3Copies.copyRanges(size);
        long next = 0;
        for (long[] r : ranges) {
            assertThat(r[0]).isEqualTo(next);
            long length = r[1] - r[0] + 1;
            assertThat(length).isBetween(S3Options.MIN_CHUNK_SIZE, S3BlobStore.MAX_COPY_PART);
            next = r[1] + 1;
        }
        assertThat(next).isEqualTo(size);
        assertThat(ranges).hasSize((int) ((size + S3BlobStore.MAX_COPY_PART - 1) / S3BlobStore.MAX_COPY_PART));
    }
}
