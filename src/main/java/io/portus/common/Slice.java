package io.portus.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list read with {@code LIMIT limit+1 OFFSET offset} on an indexed order: the items, and
 * whether more follow (no {@code COUNT(*)} over the whole table).
 */
public record Slice<T>(List<T> items, int offset, int limit, boolean more) {

    public static final int MAX_LIMIT = 200;

    public Slice {
        items = List.copyOf(items);
    }

    /** Builds a slice from up to {@code limit + 1} rows. */
    public static <T> Slice<T> of(List<T> rows, int offset, int limit) {
        boolean more = rows.size() > limit;
        return new Slice<>(more ? rows.subList(0, limit) : rows, offset, limit, more);
    }

    /** Offsets and limits from a request, made safe: offset ≥ 0, 1 ≤ limit ≤ {@value #MAX_LIMIT}. */
    public static int safeOffset(int offset) {
        return Math.max(0, offset);
    }

    public static int safeLimit(int limit) {
        return Math.clamp(limit, 1, MAX_LIMIT);
    }

    public <R> Slice<R> map(Function<T, R> f) {
        return new Slice<>(items.stream().map(f).toList(), offset, limit, more);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
