package io.portus.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks that the external programs the tests drive are installed, with an actionable message. */
public final class Tools {

    private Tools() {
    }

    /** The absolute path of {@code program} on PATH, or a failure saying how to install it. */
    public static Path require(String program, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        for (String dir : new String[] {"/usr/bin", "/usr/sbin", "/bin", "/usr/local/bin"}) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new AssertionError(program + " is not installed: run the tests with ./portus test (it installs it), "
                + "or apt-get install -y " + debianPackage);
    }
}
