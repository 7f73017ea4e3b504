package io.portus.it.images;

import io.portus.it.images.Layout.Content;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/** Deterministic tar streams: ustar headers, owner root, mtime 0. */
final class Tar {
    private Tar() {
    }

    static Content random(String seed, long size, String file) {
        return out -> {
            out.write(header("data/", '5', 0755, 0, ""));
            out.write(header("data/" + file, '0', 0644, size, ""));
            SplittableRandom rng = new SplittableRandom(seedOf(seed));
            byte[] buf = new byte[1 << 20];
            for (long left = size; left > 0; left -= buf.length) {
                rng.nextBytes(buf);
                out.write(buf, 0, (int) Math.min(left, buf.length));
            }
            out.write(new byte[(int) ((512 - size % 512) % 512)]);
            out.write(new byte[1024]);
        };
    }

    static Content placeholder(String platform) {
        byte[] text = ("placeholder layer for linux/" + platform + "\n").getBytes(StandardCharsets.UTF_8);
        return out -> {
            out.write(header("etc/", '5', 0755, 0, ""));
            file(out, "etc/platform", 0644, text);
            out.write(new byte[1024]);
        };
    }

    /** Debian's static busybox with its applet links and a minimal /etc. */
    static Content busybox() throws IOException {
        Path bin = Path.of("/bin/busybox");
        if (!Files.isRegularFile(bin)) {
            throw new IllegalStateException("/bin/busybox not found: apt-get install -y busybox-static "
                    + "(./portus test installs it)");
        }
        byte[] binary = Files.readAllBytes(bin);
        String[] applets = applets(bin);
        return out -> {
            for (String d : List.of("bin/", "dev/", "etc/", "home/", "proc/", "root/", "sbin/", "sys/", "tmp/",
                    "usr/", "usr/bin/", "usr/sbin/", "var/")) {
                out.write(header(d, '5', d.equals("tmp/") ? 01777 : 0755, 0, ""));
            }
            file(out, "bin/busybox", 0755, binary);
            for (String a : applets) {
                out.write(header(a, '2', 0777, 0, "/bin/busybox"));
            }
            file(out, "etc/group", 0644, "root:x:0:\nnogroup:x:65534:\n".getBytes(StandardCharsets.UTF_8));
            file(out, "etc/hostname", 0644, "busybox\n".getBytes(StandardCharsets.UTF_8));
            file(out, "etc/passwd", 0644, ("root:x:0:0:root:/root:/bin/sh\n"
                    + "nobody:x:65534:65534:nobody:/:/bin/false\n").getBytes(StandardCharsets.UTF_8));
            out.write(new byte[1024]);
        };
    }

    private static String[] applets(Path busybox) throws IOException {
        Process p = new ProcessBuilder(busybox.toString(), "--list-full").redirectErrorStream(true).start();
        String list = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(busybox + " --list-full failed: " + list
                        + " (a dynamically linked busybox? install busybox-static)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return Arrays.stream(list.split("\\s+")).filter(a -> !a.isEmpty() && !a.equals("bin/busybox"))
                .distinct().sorted().toArray(String[]::new);
    }

    private static void file(OutputStream out, String name, int mode, byte[] content) throws IOException {
        out.write(header(name, '0', mode, content.length, ""));
        out.write(content);
        out.write(new byte[(512 - content.length % 512) % 512]);
    }

    static byte[] header(String name, char type, int mode, long size, String link) {
        byte[] h = new byte[512];
        put(h, 0, 100, name);
        put(h, 100, 8, String.format("%07o", mode));
        put(h, 108, 8, "0000000");
        put(h, 116, 8, "0000000");
        put(h, 124, 12, String.format("%011o", size));
        put(h, 136, 12, "00000000000");
        Arrays.fill(h, 148, 156, (byte) ' ');
        h[156] = (byte) type;
        put(h, 157, 100, link);
        put(h, 257, 8, "ustar\u000000");
        put(h, 265, 32, "root");
        put(h, 297, 32, "root");
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, 8, String.format("%06o\u0000 ", sum));
        return h;
    }

    private static void put(byte[] h, int at, int len, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > len) {
            throw new IllegalArgumentException("tar field too long: " + s);
        }
        System.arraycopy(b, 0, h, at, b.length);
    }

    private static long seedOf(String s) {
        byte[] d = Layout.sha().digest(s.getBytes(StandardCharsets.UTF_8));
        long seed = 0;
        for (int i = 0; i < 8; i++) {
            seed = seed << 8 | (d[i] & 0xff);
        }
        return seed;
    }
}
