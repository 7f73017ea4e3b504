package io.portus.it;

import io.portus.it.images.ImageMaker;

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

/**
 * The deterministic test images of {@link ImageMaker}, made once into {@code target/it-images} and reused
 * by every test class and run. Names: busybox, rand-10m, rand-100m, rand-8layers, multiarch (OCI index),
 * multiarch-docker (Docker manifest list, a {@code dir:} layout).
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
                    ImageMaker.make(dir, missing);
                    have.putAll(read(dir));
                }
                for (String n : names) {
                    if (!have.containsKey(n)) {
                        throw new AssertionError("ImageMaker did not make " + n);
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
