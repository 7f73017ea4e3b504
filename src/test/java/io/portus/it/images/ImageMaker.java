package io.portus.it.images;

import io.portus.it.images.Layout.Blob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes the test images of the integration tests and benchmarks, offline and deterministically (the same
 * bytes and digests on every run with the same JDK and busybox), one layout per image under a directory:
 * <ul>
 * <li>{@code busybox}: linux/amd64, one layer with the static busybox of Debian's {@code busybox-static}
 * and its applet links, {@code Cmd ["sh"]}, so podman/buildah can run it;</li>
 * <li>{@code rand-10m}, {@code rand-100m} (4 x 25 MiB), {@code rand-8layers} (8 x 4 MiB), {@code rand-1g}
 * (512 + 256 + 128 + 128 MiB): pseudo-random layers, gzip at level 0 (random data does not compress);</li>
 * <li>{@code multiarch}: an OCI image index of linux/amd64 (the busybox layer), linux/arm64/v8 and
 * linux/arm/v7 (placeholder layers);</li>
 * <li>{@code multiarch-docker}: the same with Docker media types (manifest list v2 + schema2), as a
 * containers-image {@code dir:} layout (skopeo's {@code oci:} transport only takes OCI media types).</li>
 * </ul>
 * OCI layouts carry one tag, {@code latest}. {@code images.tsv} lists name, manifest digest, total layer
 * bytes, layer count, largest layer digest and size. Only the JDK is used, so the benchmarks run this file
 * directly: {@code java src/test/java/io/portus/it/images/ImageMaker.java OUTDIR NAME...}.
 */
public final class ImageMaker {

    /** Every image this class makes. */
    public static final List<String> NAMES =
            List.of("busybox", "rand-10m", "rand-100m", "rand-8layers", "rand-1g", "multiarch", "multiarch-docker");

    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    static final String DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    static final String EPOCH = "1970-01-01T00:00:00Z";
    static final int MIB = 1 << 20;
    static final String TSV_HEADER = "name\tmanifest_digest\tlayer_bytes\tlayers\tlargest_layer_digest\tlargest_layer_bytes";

    private ImageMaker() {
    }

    /** {@code ImageMaker OUTDIR [NAME...]}: makes the named images (default: all but rand-1g). */
    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: ImageMaker OUTDIR [NAME...]   names: " + NAMES);
            System.exit(2);
        }
        List<String> names = args.length > 1 ? List.of(args).subList(1, args.length)
                : NAMES.stream().filter(n -> !n.equals("rand-1g")).toList();
        long t0 = System.nanoTime();
        make(Path.of(args[0]), names);
        System.out.printf("made %s in %s (%.1f s)%n", names, args[0], (System.nanoTime() - t0) / 1e9);
    }

    /** Makes the named images under {@code out} (replacing them) and merges their rows into images.tsv. */
    public static synchronized void make(Path out, List<String> names) throws IOException {
        Map<String, String> rows = new TreeMap<>();
        Path tsv = out.resolve("images.tsv");
        Files.createDirectories(out);
        if (Files.exists(tsv)) {
            Files.readAllLines(tsv).stream().skip(1).filter(l -> l.split("\t").length == 6)
                    .forEach(l -> rows.put(l.split("\t")[0], l));
        }
        for (String name : names) {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown test image " + name + "; known: " + NAMES);
            }
            rows.remove(name);
            Path dir = out.resolve(name);
            deleteTree(dir);
            rows.put(name, makeOne(name, dir));
        }
        Path tmp = out.resolve("images.tsv.tmp");
        Files.writeString(tmp, TSV_HEADER + "\n" + String.join("\n", rows.values()) + "\n");
        Files.move(tmp, tsv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String makeOne(String name, Path dir) throws IOException {
        return switch (name) {
            case "busybox" -> single(dir, name, List.of(new Layout(dir, false).layer(Tar.busybox(), 9)), true);
            case "rand-10m" -> random(dir, name, 10);
            case "rand-100m" -> random(dir, name, 25, 25, 25, 25);
            case "rand-8layers" -> random(dir, name, 4, 4, 4, 4, 4, 4, 4, 4);
            case "rand-1g" -> random(dir, name, 512, 256, 128, 128);
            case "multiarch" -> multiarch(dir, name, false);
            default -> multiarch(dir, name, true);
        };
    }

    private static String random(Path dir, String name, int... mib) throws IOException {
        Layout layout = new Layout(dir, false);
        List<Blob> layers = new ArrayList<>();
        for (int i = 0; i < mib.length; i++) {
            layers.add(layout.layer(Tar.random(name + "/" + i, (long) mib[i] * MIB, "layer" + i + ".bin"), 0));
        }
        return single(dir, name, layers, false);
    }

    private static String single(Path dir, String name, List<Blob> layers, boolean shell) throws IOException {
        Layout layout = new Layout(dir, false);
        Blob manifest = image(layout, layers, "amd64", null, shell, name);
        layout.tag(OCI_MANIFEST, manifest);
        return row(name, manifest, layers);
    }

    private static String multiarch(Path dir, String name, boolean docker) throws IOException {
        Layout layout = new Layout(dir, docker);
        List<Object> manifests = new ArrayList<>();
        List<Blob> all = new ArrayList<>();
        for (String[] platform : new String[][] {{"amd64", null}, {"arm64", "v8"}, {"arm", "v7"}}) {
            boolean amd64 = platform[0].equals("amd64");
            Blob layer = layout.layer(amd64 ? Tar.busybox() : Tar.placeholder(platform[0] + "/" + platform[1]), 9);
            all.add(layer);
            Blob manifest = image(layout, List.of(layer), platform[0], platform[1], amd64, name + "-" + platform[0]);
            Map<String, Object> p = new TreeMap<>(Map.of("architecture", platform[0], "os", "linux"));
            if (platform[1] != null) {
                p.put("variant", platform[1]);
            }
            manifests.add(Map.of("mediaType", docker ? DOCKER_MANIFEST : OCI_MANIFEST, "digest", manifest.digest(),
                    "size", manifest.size(), "platform", p));
        }
        String type = docker ? DOCKER_LIST : OCI_INDEX;
        Blob index = layout.manifest(CanonicalJson.write(Map.of("schemaVersion", 2, "mediaType", type, "manifests", manifests)), true);
        if (!docker) {
            layout.tag(type, index);
        }
        return row(name, index, all);
    }

    /** Writes config and manifest of one image; returns the manifest. */
    private static Blob image(Layout layout, List<Blob> layers, String arch, String variant, boolean shell,
            String title) throws IOException {
        Map<String, Object> run = new TreeMap<>(Map.of("Env",
                List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")));
        if (shell) {
            run.put("Cmd", List.of("sh"));
        }
        Map<String, Object> config = new TreeMap<>(Map.of("architecture", arch, "os", "linux", "created", EPOCH,
                "config", run, "rootfs", Map.of("type", "layers", "diff_ids", layers.stream().map(Blob::diffId).toList()),
                "history", layers.stream().map(l -> Map.of("created", EPOCH, "created_by", "ImageMaker " + title)).toList()));
        if (variant != null) {
            config.put("variant", variant);
        }
        Blob cfg = layout.blob(CanonicalJson.write(config));
        boolean docker = layout.docker;
        Map<String, Object> m = new TreeMap<>(Map.of("schemaVersion", 2,
                "mediaType", docker ? DOCKER_MANIFEST : OCI_MANIFEST,
                "config", Map.of("mediaType", docker ? DOCKER_CONFIG : OCI_CONFIG, "digest", cfg.digest(), "size", cfg.size()),
                "layers", layers.stream().map(l -> Map.of("mediaType", docker ? DOCKER_LAYER : OCI_LAYER,
                        "digest", l.digest(), "size", l.size())).toList()));
        if (!docker) {
            m.put("annotations", Map.of("org.opencontainers.image.title", title, "org.opencontainers.image.created", EPOCH));
        }
        return layout.manifest(CanonicalJson.write(m), false);
    }

    private static String row(String name, Blob top, List<Blob> layers) {
        Blob big = layers.stream().reduce((a, b) -> b.size() > a.size() ? b : a).orElseThrow();
        long total = layers.stream().mapToLong(Blob::size).sum();
        return String.join("\t", name, top.digest(), Long.toString(total), Integer.toString(layers.size()),
                big.digest(), Long.toString(big.size()));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
