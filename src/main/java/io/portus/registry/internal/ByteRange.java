package io.portus.registry.internal;

/**
 * One satisfiable byte range of a blob, from a {@code Range: bytes=...} header (RFC 9110 §14).
 *
 * @param start first byte
 * @param end   one past the last byte (exclusive)
 */
record ByteRange(long start, long end) {

    /** Outcome of reading a Range header against a representation of some size. */
    sealed interface Result {
    }

    /** No usable Range header (absent, another unit, or several ranges): send the whole blob. */
    record Whole() implements Result {
    }

    /** Send this part with 206. */
    record Partial(ByteRange range) implements Result {
    }

    /** Malformed or unsatisfiable: 416 with {@code Content-Range: bytes *}{@code /size}. */
    record Unsatisfiable() implements Result {
    }

    long length() {
        return end - start;
    }

    /** {@code Content-Range} value for this range of a blob of {@code size} bytes. */
    String contentRange(long size) {
        return "bytes " + start + "-" + (end - 1) + "/" + size;
    }

    static Result parse(String header, long size) {
        if (header == null || header.isBlank()) {
            return new Whole();
        }
        String value = header.strip();
        int eq = value.indexOf('=');
        if (eq < 0) {
            return new Unsatisfiable();
        }
        if (!value.substring(0, eq).strip().equalsIgnoreCase("bytes")) {
            return new Whole();
        }
        String spec = value.substring(eq + 1).strip();
        if (spec.indexOf(',') >= 0) {
            return new Whole();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Unsatisfiable();
        }
        long first = number(spec.substring(0, dash).strip());
        long last = number(spec.substring(dash + 1).strip());
        boolean hasFirst = dash > 0;
        boolean hasLast = dash < spec.length() - 1;
        if ((hasFirst && first < 0) || (hasLast && last < 0) || (!hasFirst && !hasLast)) {
            return new Unsatisfiable();
        }
        if (!hasFirst) {
            // suffix range: the last N bytes
            if (last == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Partial(new ByteRange(Math.max(0, size - last), size));
        }
        if (first >= size || (hasLast && last < first)) {
            return new Unsatisfiable();
        }
        long end = hasLast ? Math.min(last, size - 1) + 1 : size;
        return new Partial(new ByteRange(first, end));
    }

    /** A non-negative decimal, or -1 when the text is not one (or overflows). */
    private static long number(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(text);
    }
}
