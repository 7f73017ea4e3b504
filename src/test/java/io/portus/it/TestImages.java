package io.portus.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The deterministic test images of {@code shared/tools/make-images.sh}, made once into
 * {@code target/it-images} (without the 1 GiB image) and reused by every test class and run.
 * Names: busybox, rand-10m, rand-100m, rand-8layers, multiarch (OCI index), multiarch-docker
 * (Docker manifest list, a {@code dir:} layout).
 */
public final class TestImages {

    /** One row of images.tsv. */
    public record Image(String name, Path path, String manifestDigest, long layerBytes, int layers) {
    }

    private static final Object LOCK = new Object();

    private final Map<String, Image> images;

    private TestImages(Map<String, Image> images) {
        this.images = images;
    }

    /** Makes the named images if they are missing (cached across test classes and runs). */
    public static TestImages get(String... names) {
        synchronized (LOCK) {
            Path dir = ItPaths.mkdirs(ItPaths.target().resolve("it-images"));
            try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
                Map<String, Image> have = read(dir);
                List<String> missing = Arrays.stream(names).filter(n -> !have.containsKey(n)).toList();
                if (!missing.isEmpty()) {
                    make(dir, missing);
                    have.putAll(read(dir));
                }
                for (String n : names) {
                    if (!have.containsKey(n)) {
                        throw new AssertionError("make-images.sh did not make " + n + " (see target/it-logs/make-images.log)");
                    }
                }
                return new TestImages(have);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Map<String, Image> read(Path dir) throws IOException {
        Map<String, Image> m = new LinkedHashMap<>();
        Path tsv = dir.resolve("images.tsv");
        if (!Files.exists(tsv)) {
            return m;
        }
        for (String line : Files.readAllLines(tsv).stream().skip(1).toList()) {
            String[] f = line.split("\t");
            Path p = dir.resolve(f[0]);
            boolean complete = f[0].endsWith("-docker") ? Files.exists(p.resolve("manifest.json"))
                    : Files.exists(p.resolve("index.json"));
            if (f.length == 6 && complete) {
                m.put(f[0], new Image(f[0], p, f[1], Long.parseLong(f[2]), Integer.parseInt(f[3])));
            }
        }
        return m;
    }

    private static void make(Path dir, List<String> names) throws IOException {
        Tools.require("python3", "python3");
        Path script = ItPaths.shared().resolve("tools/make-images.sh");
        Path log = ItPaths.logDir().resolve("make-images.log");
        Process p = new ProcessBuilder("bash", script.toString(), dir.toString(), "--no-large",
                "--only", String.join(",", names))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("make-images.sh timed out; see " + log);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while making images");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("make-images.sh failed (exit " + p.exitValue() + "); " + log + ":\n"
                    + String.join("\n", Files.readAllLines(log).stream()
                    .skip(Math.max(0, Files.readAllLines(log).size() - 20)).toList()));
        }
    }

    public Image image(String name) {
        Image i = images.get(name);
        if (i == null) {
            throw new IllegalArgumentException("image " + name + " was not requested from TestImages.get");
        }
        return i;
    }

    /** The layout directory of an image. */
    public Path path(String name) {
        return image(name).path();
    }

    /** The manifest (or index/list) digest from images.tsv. */
    public String digest(String name) {
        return image(name).manifestDigest();
    }

    /** A skopeo source reference: {@code oci:<dir>:latest}, or {@code dir:<dir>} for multiarch-docker. */
    public String ref(String name) {
        Path p = path(name);
        return name.endsWith("-docker") ? "dir:" + p : "oci:" + p + ":latest";
    }
}
