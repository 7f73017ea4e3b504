package io.portus.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The image's entrypoint run as a container by buildah, the way this machine allows ({@code podman run} needs
 * setrlimit, which is refused here): {@code buildah from} the OCI archive into a private storage, then
 * {@code buildah run --isolation chroot --network host} with the image's user, environment and entrypoint, a host
 * directory as {@code /data} and {@code SERVER_PORT} set to a free port. A {@link ServerProcess}: ready when
 * {@code /v2/} answers; SIGTERM to buildah reaches the JVM inside.
 */
final class ImageContainer {

    private final List<String> buildah;

    /** buildah with its own storage under {@code storage} (vfs: works anywhere, also inside a container). */
    ImageContainer(Path storage) {
        Tools.require("buildah", "buildah");
        this.buildah = List.of("buildah", "--root", storage.resolve("root").toString(), "--runroot",
                storage.resolve("run").toString(), "--storage-driver", "vfs");
    }

    /**
     * A new container from {@code archive}, started with {@code dataDir} as {@code /data}; {@code entrypoint} is
     * the image's (buildah run does not apply it by itself).
     */
    ServerProcess start(String name, Path archive, List<String> entrypoint, Path dataDir, Map<String, String> env) {
        String ctr = Tools.run(null, command("from", "--quiet", "oci-archive:" + archive)).strip();
        // buildah 1.28 mounts an empty anonymous volume over a VOLUME even when -v names the same path: drop the
        // declaration on this working container (the image keeps it) so the host directory is what /data is.
        Tools.run(null, command("config", "--volume", "/data-", ctr));
        int port = FreePorts.next();
        List<String> cmd = command("run", "--isolation", "chroot", "--network", "host", "--volume",
                dataDir + ":/data", "--env", "SERVER_PORT=" + port);
        env.forEach((k, v) -> cmd.addAll(List.of("--env", k + "=" + v)));
        cmd.add(ctr);
        cmd.add("--");
        cmd.addAll(entrypoint);
        ServerProcess p = new ServerProcess(name, cmd, Map.of(), dataDir.getParent(), port, false,
                Duration.ofSeconds(240));
        p.start();
        return p;
    }

    /** Removes every container and image of this storage (vfs keeps a full copy of each). */
    void removeAll() {
        Tools.run(null, command("rmi", "--all", "--force"));
    }

    private List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(buildah);
        cmd.addAll(List.of(args));
        return cmd;
    }
}
