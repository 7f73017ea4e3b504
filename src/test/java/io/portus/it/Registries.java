package io.portus.it;

import java.nio.file.Path;

/**
 * Starts "our registry" for the integration tests: {@code target/portus.jar}, or, run with
 * {@code -Dportus.it.target=distribution}, CNCF distribution 2.8 in its place, to check the tests
 * themselves against the reference implementation.
 */
public final class Registries {

    public static final String TARGET_PROPERTY = "portus.it.target";

    private Registries() {
    }

    /** True when the tests run against distribution 2.8 instead of our jar. */
    public static boolean againstReference() {
        return "distribution".equals(System.getProperty(TARGET_PROPERTY));
    }

    /** Our registry with a fresh data directory, open (auth none). */
    public static RegistryServer ours(String name) {
        return ours(name, null);
    }

    /** Our registry serving {@code storageRoot} (null: {@code <fresh data dir>/registry}), open (auth none). */
    public static RegistryServer ours(String name, Path storageRoot) {
        if (againstReference()) {
            Path root = storageRoot != null ? storageRoot : ItPaths.newWorkDir(name).resolve("registry");
            return DistributionProcess.builder(name + "-as-ours", root).start();
        }
        PortusProcess.Builder b = PortusProcess.builder(name);
        if (storageRoot != null) {
            b.storageRoot(storageRoot);
        }
        return b.start();
    }
}
