package io.portus.common;

import java.util.List;
import java.util.function.Function;

/** A page read with {@link PageQuery}: its items and how many the whole list holds. */
public record Page<T>(List<T> items, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), total);
    }
}
