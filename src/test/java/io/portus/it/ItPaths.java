package io.portus.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Where the integration tests find the jar, and where they write. */
public final class ItPaths {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private ItPaths() {
    }

    /** The build's target directory (the parent of {@code portus.jar}). */
    public static Path target() {
        Path jar = jar();
        return jar.getParent() != null ? jar.getParent() : Path.of("target").toAbsolutePath();
    }

    /** {@code target/portus.jar} (system property {@code portus.jar}, set by failsafe). */
    public static Path jar() {
        return Path.of(System.getProperty("portus.jar", "target/portus.jar")).toAbsolutePath().normalize();
    }

    /** {@code target/it-logs/}: process logs and tool output, kept after the run. */
    public static Path logDir() {
        return mkdirs(target().resolve("it-logs"));
    }

    /** A fresh, empty directory {@code target/it-work/<name>-<n>-<millis>} for one test's data. */
    public static Path newWorkDir(String name) {
        return mkdirs(target().resolve("it-work")
                .resolve(name + "-" + SEQ.incrementAndGet() + "-" + System.currentTimeMillis()));
    }

    static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
