package io.portus.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * skopeo, isolated per instance: its own HOME, authfile and blob-info cache (so a cross-repository
 * mount happens only because this instance pushed the blob before and the registry agreed, never
 * because of what earlier runs left in {@code /var/lib/containers/cache}). TLS verification is off
 * (plain HTTP on loopback needs it). Every failure message carries the command and its output.
 * <pre>{@code
 * Skopeo skopeo = new Skopeo(ItPaths.newWorkDir("skopeo"));
 * String digest = skopeo.copy(images.ref("busybox"), "docker://" + reg.hostPort() + "/a/busybox:1");
 * byte[] raw = skopeo.inspectRaw("docker://" + reg.hostPort() + "/a/busybox:1");
 * }</pre>
 */
public final class Skopeo {

    /** The outcome of one skopeo run. */
    public record Result(List<String> command, int exitCode, byte[] stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** Command, exit code and the output tails, for assertion messages. */
        public String describe() {
            return "skopeo exit " + exitCode + ": " + String.join(" ", command) + "\n--- stdout:\n"
                    + tail(out(), 3000) + "\n--- stderr:\n" + tail(stderr, 6000);
        }

        private static String tail(String s, int max) {
            return s.length() <= max ? s : "..." + s.substring(s.length() - max);
        }
    }

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final Path work;
    private final Path home;
    private final Path authFile;
    private final Path cacheDir;
    private final String creds;
    private final Duration timeout;

    /** A skopeo with fresh state in {@code workDir}, anonymous, 180 s per command. */
    public Skopeo(Path workDir) {
        this(workDir, null, Duration.ofSeconds(180));
    }

    private Skopeo(Path workDir, String creds, Duration timeout) {
        this.work = ItPaths.mkdirs(workDir);
        this.home = ItPaths.mkdirs(work.resolve("home"));
        this.cacheDir = ItPaths.mkdirs(work.resolve("blob-info-cache"));
        this.authFile = work.resolve("auth.json");
        this.creds = creds;
        this.timeout = timeout;
        try {
            if (!Files.exists(authFile)) {
                Files.writeString(authFile, "{}");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tools.require("skopeo", "skopeo");
    }

    /** The same state (HOME, authfile, cache) with {@code user:password} for every registry access. */
    public Skopeo withCreds(String userColonPassword) {
        return new Skopeo(work, userColonPassword, timeout);
    }

    public Skopeo withTimeout(Duration t) {
        return new Skopeo(work, creds, t);
    }

    /**
     * {@code skopeo copy [flags] SRC DEST} (flags e.g. {@code --all}, {@code --format v2s2}, {@code --debug});
     * returns the digest of the manifest written to a {@code docker://} destination (from {@code --digestfile}),
     * or "" for other destinations.
     */
    public String copy(String src, String dest, String... flags) {
        return copyResult(src, dest, flags).digest;
    }

    /** Like {@link #copy} but also returns the whole run (e.g. to read {@code --debug} output). */
    public CopyResult copyResult(String src, String dest, String... flags) {
        Path digestFile = work.resolve("digest-" + SEQ.incrementAndGet());
        createParentOfLocalDestination(dest);
        List<String> args = new ArrayList<>(List.of("copy", "--src-tls-verify=false", "--dest-tls-verify=false"));
        args.addAll(List.of("--authfile", authFile.toString()));
        if (creds != null && src.startsWith("docker://")) {
            args.addAll(List.of("--src-creds", creds));
        }
        if (creds != null && dest.startsWith("docker://")) {
            args.addAll(List.of("--dest-creds", creds));
        }
        if (dest.startsWith("docker://")) {
            args.addAll(List.of("--digestfile", digestFile.toString()));
        }
        args.addAll(List.of(flags));
        args.add(src);
        args.add(dest);
        Result r = check(run(args));
        try {
            String digest = Files.exists(digestFile) ? Files.readString(digestFile).trim() : "";
            return new CopyResult(digest, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** skopeo wants the parent of a {@code dir:} / {@code oci:} destination to exist. */
    private static void createParentOfLocalDestination(String dest) {
        if (dest.startsWith("dir:") || dest.startsWith("oci:")) {
            String path = dest.substring(4);
            if (dest.startsWith("oci:") && path.lastIndexOf(':') > path.lastIndexOf('/')) {
                path = path.substring(0, path.lastIndexOf(':'));
            }
            Path parent = Path.of(path).toAbsolutePath().getParent();
            if (parent != null) {
                ItPaths.mkdirs(parent);
            }
        }
    }

    /** A copy's pushed digest ("" unless the destination is docker://) and its run. */
    public record CopyResult(String digest, Result result) {
    }

    /** {@code skopeo inspect --raw}: the manifest bytes exactly as the registry served them. */
    public byte[] inspectRaw(String ref) {
        return check(run(registryArgs("inspect", "--raw", ref))).stdout();
    }

    /** {@code skopeo inspect --format '{{.Digest}}'}. */
    public String inspectDigest(String ref) {
        return check(run(registryArgs("inspect", "--format", "{{.Digest}}", ref))).out().trim();
    }

    /** {@code skopeo list-tags docker://HOST/REPO}: the tags in the order served. */
    public List<String> listTags(String repoRef) {
        JsonNode tags = Json.parse(check(run(registryArgs("list-tags", repoRef))).stdout()).path("Tags");
        List<String> out = new ArrayList<>();
        tags.forEach(t -> out.add(t.asString()));
        return out;
    }

    /** {@code skopeo delete} (resolves a tag to its digest and deletes the manifest). */
    public void delete(String ref) {
        check(run(registryArgs("delete", ref)));
    }

    private List<String> registryArgs(String cmd, String... rest) {
        List<String> args = new ArrayList<>(List.of(cmd, "--tls-verify=false", "--authfile", authFile.toString()));
        if (creds != null) {
            args.addAll(List.of("--creds", creds));
        }
        args.addAll(List.of(rest));
        return args;
    }

    private static Result check(Result r) {
        if (!r.ok()) {
            throw new AssertionError(r.describe());
        }
        return r;
    }

    /** Runs {@code skopeo ARGS...} with this instance's isolation; never throws on a non-zero exit. */
    public Result run(List<String> args) {
        List<String> cmd = new ArrayList<>();
        if (BlobInfoCacheIsolation.privateMountAvailable()) {
            cmd.addAll(BlobInfoCacheIsolation.wrapper(cacheDir));
        }
        cmd.add("skopeo");
        cmd.addAll(args);
        int n = SEQ.incrementAndGet();
        Path out = work.resolve("run-" + n + ".out");
        Path err = work.resolve("run-" + n + ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("REGISTRY_AUTH_FILE");
        pb.environment().remove("DOCKER_CONFIG");
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_DATA_HOME", cacheDir.resolve("xdg-data").toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        pb.environment().put("XDG_RUNTIME_DIR", ItPaths.mkdirs(home.resolve("run")).toString());
        try {
            Process p = pb.start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new Result(cmd, -1, Files.readAllBytes(out),
                        "TIMEOUT after " + timeout + "\n" + Files.readString(err));
            }
            return new Result(cmd, p.exitValue(), Files.readAllBytes(out),
                    new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + cmd);
        }
    }
}
