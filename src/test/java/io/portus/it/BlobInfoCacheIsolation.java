package io.portus.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * containers/image keeps root's blob-info cache in {@code /var/lib/containers/cache} whatever HOME says.
 * As root we give each skopeo run a private one: a new mount namespace with the instance's cache
 * directory bind-mounted there ({@code unshare -m}). Non-root skopeo already follows XDG_DATA_HOME.
 */
final class BlobInfoCacheIsolation {

    static final String SYSTEM_CACHE = "/var/lib/containers/cache";

    private static volatile Boolean available;

    private BlobInfoCacheIsolation() {
    }

    /** The command prefix that runs the rest of the command with {@code cacheDir} as the root blob-info cache. */
    static List<String> wrapper(Path cacheDir) {
        return List.of("unshare", "-m", "--propagation", "private", "sh", "-c",
                "mount --bind \"$1\" " + SYSTEM_CACHE + " && shift && exec \"$@\"", "sh", cacheDir.toString());
    }

    static boolean privateMountAvailable() {
        Boolean a = available;
        if (a == null) {
            a = probe();
            available = a;
            if (!a && isRoot()) {
                System.err.println("warning: cannot give skopeo a private blob-info cache (unshare -m failed);"
                        + " cross-repository mounts may come from earlier runs' cache");
            }
        }
        return a;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean probe() {
        if (!isRoot()) {
            return false;
        }
        try {
            Files.createDirectories(Path.of(SYSTEM_CACHE));
            Path probeDir = ItPaths.newWorkDir("bic-probe");
            List<String> cmd = new java.util.ArrayList<>(wrapper(probeDir));
            cmd.addAll(List.of("touch", SYSTEM_CACHE + "/.probe"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.exists(probeDir.resolve(".probe"));
        } catch (Exception e) {
            return false;
        }
    }
}
