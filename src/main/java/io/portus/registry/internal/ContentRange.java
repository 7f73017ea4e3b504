package io.portus.registry.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Content-Range} of an upload chunk: {@code <start>-<end>}, inclusive, without a unit
 * (distribution spec; {@code ^[0-9]+-[0-9]+$}).
 */
record ContentRange(long start, long end) {

    private static final Pattern GRAMMAR = Pattern.compile("([0-9]{1,18})-([0-9]{1,18})");

    /** Empty when malformed or when end is before start. */
    static Optional<ContentRange> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = GRAMMAR.matcher(header.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long start = Long.parseLong(m.group(1));
        long end = Long.parseLong(m.group(2));
        return end < start ? Optional.empty() : Optional.of(new ContentRange(start, end));
    }

    long length() {
        return end - start + 1;
    }
}
