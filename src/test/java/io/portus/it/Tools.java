package io.portus.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Checks that the external programs the tests drive are installed, with an actionable message, and runs them. */
public final class Tools {

    private Tools() {
    }

    /** The absolute path of {@code program} on PATH, or a failure saying how to install it. */
    public static Path require(String program, String debianPackage) {
        return find(program).orElseThrow(() -> new AssertionError(program + " is not installed: run the tests with "
                + "./portus test (it installs it), or apt-get install -y " + debianPackage));
    }

    /** True when {@code program} is on PATH (or in the usual system directories). */
    public static boolean installed(String program) {
        return find(program).isPresent();
    }

    private static Optional<Path> find(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        for (String dir : new String[] {"/usr/bin", "/usr/sbin", "/bin", "/usr/local/bin"}) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code command} in {@code dir} (null: the current directory) and returns its output (stdout and
     * stderr together); a non-zero exit or more than 120 s is a failure that quotes the command and the output.
     */
    public static String run(Path dir, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + command);
        }
    }
}
