package io.portus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Our online garbage collection cross-checked with CNCF distribution 2.8's offline one on the same directory:
 * after pushes (a multi-arch index, a referrer, moved and deleted tags) and our run, {@code registry
 * garbage-collect --dry-run} finds no blob left to delete, and with {@code --delete-untagged} nothing beyond what
 * 2.8 wrongly flags (children of a tagged index and referrers of a kept manifest, with their blobs: 2.8 knows
 * neither; distribution#3178); every tag still pulls with identical digests, from distribution and from ours.
 */
class GcDistributionIT {

    static final Pattern BLOB = Pattern.compile("blob eligible for deletion: (sha256:[0-9a-f]{64})");
    static final Pattern MANIFEST = Pattern.compile("manifest eligible for deletion: (sha256:[0-9a-f]{64})");
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String EMPTY_CONFIG = "application/vnd.oci.empty.v1+json";

    @Test
    void distributionFindsNothingLeftAfterOurCollection() throws Exception {
        TestImages images = TestImages.get("busybox", "rand-8layers", "multiarch");
        Path work = ItPaths.newWorkDir("gc-distribution");
        Path storage = work.resolve("storage");
        Skopeo skopeo = new Skopeo(work.resolve("skopeo"));
        Map<String, String> tagged = new LinkedHashMap<>();
        Set<String> allowed = new HashSet<>(); // what 2.8's --delete-untagged may flag: index children, referrers
        JsonNode run;
        try (PortusProcess ours = PortusProcess.builder("gc-ours").storageRoot(storage)
                .env("PORTUS_GC_GRACE_PERIOD", "0s").start()) {
            String host = ours.hostPort();
            PortusApi api = new PortusApi(ours.baseUri().toString().replaceAll("/$", ""));
            api.bootstrap("admin", "correct-horse-1");
            tagged.put("gc/busybox:keep", skopeo.copy(images.ref("busybox"), "docker://" + host + "/gc/busybox:keep",
                    "--preserve-digests"));
            tagged.put("gc/multi:oci", skopeo.copy(images.ref("multiarch"), "docker://" + host + "/gc/multi:oci",
                    "--all", "--preserve-digests"));
            // a tag moved away: the rand-8layers manifest stays as an untagged revision
            skopeo.copy(images.ref("rand-8layers"), "docker://" + host + "/gc/moved:1", "--preserve-digests");
            String untagged = skopeo.inspectDigest("docker://" + host + "/gc/moved:1");
            tagged.put("gc/moved:1", skopeo.copy(images.ref("busybox"), "docker://" + host + "/gc/moved:1",
                    "--preserve-digests"));
            // a deleted manifest: its blobs are referenced by nothing
            skopeo.copy(images.ref("rand-8layers"), "docker://" + host + "/gc/deleted:1", "--preserve-digests");
            skopeo.delete("docker://" + host + "/gc/deleted:1");
            // referrers: one of a kept manifest (kept), one of the untagged manifest (goes with it)
            RegistryHttp http = new RegistryHttp(ours.baseUri());
            allowed.addAll(referrer(http, "gc/busybox", tagged.get("gc/busybox:keep"), "signature of busybox"));
            referrer(http, "gc/moved", untagged, "signature of the moved image");
            allowed.addAll(Layouts.ociBlobs(images.path("multiarch")));

            run = api.garbageCollect(false);
            assertThat(run.path("state").asString()).as(run.toString()).isEqualTo("done");
            assertThat(run.path("manifests_deleted").asLong()).as(run.toString()).isEqualTo(2);
            assertThat(run.path("blobs_deleted").asLong()).as(run.toString()).isPositive();
            JsonNode again = api.garbageCollect(true);
            assertThat(again.path("blobs_deleted").asLong()).as("a dry run after the run").isZero();
            assertThat(again.path("manifests_deleted").asLong()).isZero();
            assertPulls(skopeo, host, tagged, work.resolve("pulled-ours"));
        }
        try (DistributionProcess dist = DistributionProcess.builder("gc-dist", storage).start()) {
            String all = dist.garbageCollect("--dry-run");
            assertThat(found(BLOB, all)).as("blobs distribution would still delete:\n%s", all).isEmpty();
            assertThat(found(MANIFEST, all)).isEmpty();

            String untagged = dist.garbageCollect("--dry-run", "--delete-untagged");
            Set<String> flagged = new HashSet<>(found(BLOB, untagged));
            flagged.addAll(found(MANIFEST, untagged));
            assertThat(allowed).as("flagged by 2.8 --delete-untagged beyond index children and referrers:\n%s", untagged)
                    .containsAll(flagged);
            System.out.printf("gc-distribution: our run %s; 2.8 --delete-untagged flags %d known false positives%n",
                    run, flagged.size());
            assertPulls(skopeo, dist.hostPort(), tagged, work.resolve("pulled-dist"));
        }
    }

    /** An OCI artifact manifest with {@code subject}, pushed by digest; returns its digest and its blobs' digests. */
    static Set<String> referrer(RegistryHttp http, String repo, String subject, String text) throws Exception {
        String empty = http.pushBlob(repo, "{}".getBytes(StandardCharsets.UTF_8));
        byte[] layer = text.getBytes(StandardCharsets.UTF_8);
        String layerDigest = http.pushBlob(repo, layer);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"artifactType\":"
                + "\"application/vnd.example.signature\",\"config\":{\"mediaType\":\"" + EMPTY_CONFIG + "\",\"digest\":\""
                + empty + "\",\"size\":2},\"layers\":[{\"mediaType\":\"application/octet-stream\",\"digest\":\""
                + layerDigest + "\",\"size\":" + layer.length + "}],\"subject\":{\"mediaType\":\"" + OCI_MANIFEST
                + "\",\"digest\":\"" + subject + "\",\"size\":1}}").getBytes(StandardCharsets.UTF_8);
        String digest = Digests.sha256(manifest);
        http.putManifest(repo, digest, OCI_MANIFEST, manifest);
        return Set.of(digest, empty, layerDigest);
    }

    static Set<String> found(Pattern p, String output) {
        Set<String> out = new HashSet<>();
        Matcher m = p.matcher(output);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static void assertPulls(Skopeo skopeo, String host, Map<String, String> tagged, Path dir) {
        int i = 0;
        for (Map.Entry<String, String> e : tagged.entrySet()) {
            String ref = "docker://" + host + "/" + e.getKey();
            assertThat(Digests.sha256(skopeo.inspectRaw(ref))).as(e.getKey()).isEqualTo(e.getValue());
            Path pulled = dir.resolve("p" + i++);
            skopeo.copy(ref, "dir:" + pulled, "--all", "--preserve-digests");
            assertThat(Layouts.dirTopDigest(pulled)).as("pulled %s", e.getKey()).isEqualTo(e.getValue());
        }
    }
}
