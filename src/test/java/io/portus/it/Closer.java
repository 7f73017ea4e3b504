package io.portus.it;

/** Ends test servers and processes in an {@code @AfterAll}: each one, in order, whatever the others do. */
public final class Closer {

    private Closer() {
    }

    public static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable c : resources) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort: the next one still gets closed
            }
        }
    }
}
