package io.portus.it;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One of CrashSafetyIT's concurrent clients: pushes random blobs (monolithic or chunked, some shared
 * with other clients) and an OCI manifest referencing them, in a loop, recording exactly what the
 * registry acknowledged with 201 and what was in flight.
 */
final class CrashPusher implements Runnable {

    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    record Blob(String repo, String digest, int size) {
    }

    record Manifest(String repo, String tag, String digest) {
    }

    /** Shared results of all pushers. */
    record Log(Queue<Blob> ackedBlobs, Queue<Blob> startedBlobs, Queue<Manifest> ackedManifests,
            Queue<Manifest> startedManifests, Queue<String> errorsBeforeKill, Queue<String> failuresAfterKill) {
    }

    private final int id;
    private final String repo;
    private final RegistryHttp http;
    private final SplittableRandom rnd;
    private final List<byte[]> sharedBlobs;
    private final AtomicBoolean stop;
    private final AtomicBoolean killing;
    private final Log log;

    CrashPusher(int id, URI base, List<byte[]> sharedBlobs, AtomicBoolean stop, AtomicBoolean killing, Log log) {
        this.id = id;
        this.repo = "crash/client-" + id;
        this.http = new RegistryHttp(base, Http.newClient(false), Duration.ofSeconds(30));
        this.rnd = new SplittableRandom(0xC0FFEE + id);
        this.sharedBlobs = sharedBlobs;
        this.stop = stop;
        this.killing = killing;
        this.log = log;
    }

    @Override
    public void run() {
        for (int n = 0; !stop.get(); n++) {
            try {
                pushImage(n);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (killing.get()) {
                    log.failuresAfterKill().add(repo + ": " + e);
                    return;
                }
                log.errorsBeforeKill().add(repo + " image " + n + ": " + e);
            }
        }
    }

    private void pushImage(int n) throws Exception {
        byte[] layer = rnd.nextInt(4) == 0 ? sharedBlobs.get(rnd.nextInt(sharedBlobs.size()))
                : randomBytes(1024 + rnd.nextInt(1 << 20));
        Blob l = push(layer, rnd.nextBoolean());
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + l.digest() + "\"]},\"nonce\":\"" + id + "-" + n + "-" + rnd.nextLong() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        Blob c = push(config, false);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + c.digest()
                + "\",\"size\":" + c.size() + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\","
                + "\"digest\":\"" + l.digest() + "\",\"size\":" + l.size() + "}]}").getBytes(StandardCharsets.UTF_8);
        Manifest m = new Manifest(repo, "t" + n, Digests.sha256(manifest));
        log.startedManifests().add(m);
        http.putManifest(repo, m.tag(), OCI_MANIFEST, manifest);
        log.ackedManifests().add(m);
    }

    private Blob push(byte[] data, boolean chunked) throws Exception {
        Blob b = new Blob(repo, Digests.sha256(data), data.length);
        log.startedBlobs().add(b);
        if (chunked) {
            http.pushBlobChunked(repo, data, 64 * 1024 + rnd.nextInt(192 * 1024));
        } else {
            http.pushBlob(repo, data);
        }
        log.ackedBlobs().add(b);
        return b;
    }

    private byte[] randomBytes(int size) {
        byte[] b = new byte[size];
        rnd.nextBytes(b);
        return b;
    }

    static List<byte[]> sharedBlobs(int count) {
        SplittableRandom r = new SplittableRandom(42);
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            byte[] b = new byte[256 * 1024 + i];
            r.nextBytes(b);
            return b;
        }).toList();
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
