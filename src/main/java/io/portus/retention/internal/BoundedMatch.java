package io.portus.retention.internal;

import java.util.regex.Pattern;

/**
 * Regular expressions written by namespace owners run in the background job: a pattern that backtracks
 * catastrophically on a tag name must not hold the job. The name is read through a {@link CharSequence} that
 * gives up after {@link #BUDGET} character reads (a normal pattern needs a few hundred on a 128-character tag).
 */
final class BoundedMatch {

    /** Thrown when a pattern needed more than the budget on one name. */
    static final class TooExpensive extends RuntimeException {
        TooExpensive() {
            super("the pattern needs too much work on this tag name", null, false, false);
        }
    }

    static final int BUDGET = 1_000_000;

    private BoundedMatch() {
    }

    /** Whether {@code pattern} occurs in {@code name}; {@link TooExpensive} when it needs too much work. */
    static boolean find(Pattern pattern, String name) {
        return pattern.matcher(new Counted(name)).find();
    }

    private static final class Counted implements CharSequence {
        private final String text;
        private final int[] reads;

        Counted(String text) {
            this(text, new int[1]);
        }

        private Counted(String text, int[] reads) {
            this.text = text;
            this.reads = reads;
        }

        @Override
        public char charAt(int index) {
            if (++reads[0] > BUDGET) {
                throw new TooExpensive();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Counted(text.substring(start, end), reads);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
