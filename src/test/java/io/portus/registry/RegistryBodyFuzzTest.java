package io.portus.registry;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.portus.registry.FuzzHarness.Expect;
import io.portus.registry.FuzzHarness.Req;
import io.portus.storage.Digest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body-level classes of the fuzzer ({@link RegistryFuzzTest}): bodies shorter than their Content-Length
 * and broken chunked encodings (the client half-closes, so the answer can still be read) on every request
 * that carries data, then the storage: no blob under the digest the client announced, no tag, and upload
 * sessions that hold exactly the bytes that did arrive and can be finished. Also Range headers on blobs.
 */
class RegistryBodyFuzzTest extends RegistryTestBase {

    private static final String REPO = "fuzz/body";
    private static final List<byte[]> BROKEN_CHUNKS = List.of(bytes("zz\r\nabc\r\n"), bytes("5\r\nabc"),
            bytes("3\r\nabcde\r\n0\r\n\r\n"), bytes("-1\r\nabc\r\n"), bytes("ffffffffffffffffffff\r\nabc\r\n"),
            bytes("5;\u0001\r\nabcde\r\n0\r\n\r\n"), bytes("5\r\nabcde0\r\n\r\n"), bytes("5\r\nabcde\r\n"),
            bytes("0\r\nX\u0001: y\r\n\r\n"), bytes("5\r\nabcde\r\n0\r\n"), bytes(""), bytes("0x5\r\nabcde\r\n0\r\n\r\n"),
            bytes("5\nabcde\n0\n\n"), bytes("5 \r\nab"));

    @Test
    void cutAndBrokenBodiesLeaveNoBlobNoTagAndAResumableSession() {
        FuzzInputs in = new FuzzInputs(RegistryFuzzTest.SEED + 1);
        FuzzHarness h = new FuzzHarness(port);
        String session = client.startUpload(REPO);
        ByteArrayOutputStream arrived = new ByteArrayOutputStream();
        List<String> announced = new ArrayList<>();

        List<Req> patches = new ArrayList<>();
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            byte[] part = Content.random(in.between(0, 3000));
            sent.add(part);
            patches.add(Req.of("PATCH", session).withBody(part, true, "Content-Length: " + (part.length + in.between(1, 100_000))));
        }
        List<Response> answers = h.run("patch-body-shorter-than-length", Expect.of(400, "SIZE_INVALID"), patches);
        for (int i = 0; i < sent.size(); i++) {
            arrived.writeBytes(sent.get(i));
            String range = answers.get(i) == null ? null : answers.get(i).header("Range");
            if (!uploadRange(arrived.size()).equals(range)) {
                h.fail("patch-body-shorter-than-length", "Range " + range + " after " + arrived.size() + " bytes");
            }
        }
        List<Req> chunked = BROKEN_CHUNKS.stream()
                .map(b -> Req.of("PATCH", session).withBody(b, true, "Transfer-Encoding: chunked")).toList();
        h.run("patch-chunked-broken", Expect.of(400, "SIZE_INVALID"), chunked);

        List<Req> puts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String digest = in.validDigest();
            announced.add(digest);
            byte[] part = Content.random(in.between(0, 500));
            puts.add(Req.of("PUT", RegistryClient.withQuery(session, "digest=" + digest))
                    .withBody(part, true, "Content-Length: " + (part.length + in.between(1, 1000))));
        }
        h.run("put-final-chunk-shorter-than-length", Expect.of(400, "SIZE_INVALID"), puts);
        List<Req> posts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] whole = Content.random(in.between(1, 2000));
            String digest = Digest.sha256(whole).toString();
            announced.add(digest);
            byte[] part = java.util.Arrays.copyOf(whole, in.between(0, whole.length - 1));
            posts.add(i % 2 == 0
                    ? Req.of("POST", "/v2/" + REPO + "/blobs/uploads/?digest=" + digest)
                            .withBody(part, true, "Content-Length: " + whole.length)
                    : Req.of("POST", "/v2/" + REPO + "/blobs/uploads/?digest=" + digest)
                            .withBody(in.pick(BROKEN_CHUNKS), true, "Transfer-Encoding: chunked"));
        }
        h.run("post-monolithic-cut", Expect.of(400, "SIZE_INVALID"), posts);
        List<Req> manifests = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        byte[] manifest = Content.pushImage(client, REPO, "base").manifest();
        for (int i = 0; i < 20; i++) {
            String tag = "cut" + i;
            tags.add(tag);
            byte[] part = java.util.Arrays.copyOf(manifest, in.between(0, manifest.length - 1));
            manifests.add(i % 2 == 0
                    ? Req.of("PUT", "/v2/" + REPO + "/manifests/" + tag).withBody(part, true,
                            "Content-Type: " + Content.OCI_MANIFEST, "Content-Length: " + manifest.length)
                    : Req.of("PUT", "/v2/" + REPO + "/manifests/" + tag).withBody(in.pick(BROKEN_CHUNKS), true,
                            "Content-Type: " + Content.OCI_MANIFEST, "Transfer-Encoding: chunked"));
        }
        h.run("manifest-put-cut", Expect.of(400, "SIZE_INVALID"), manifests);

        for (String digest : announced) {
            assertThat(client.head("/v2/" + REPO + "/blobs/" + digest).status()).as(digest).isEqualTo(404);
        }
        for (String tag : tags) {
            assertThat(client.get("/v2/" + REPO + "/manifests/" + tag).status()).as(tag).isEqualTo(404);
        }
        assertThat(client.get("/v2/" + REPO + "/tags/list").json().path("tags").size()).isEqualTo(1);
        assertThat(h.failures()).isEmpty();
        assertResumable(session);
    }

    /** What a session holds is a prefix the client can complete: finishing it gives a blob of those bytes. */
    private void assertResumable(String session) {
        Response status = client.get(session);
        assertThat(status.status()).isEqualTo(204);
        long size = sessionBytes(session);
        byte[] tail = Content.random(10);
        Response patch = client.patch(session, tail, "Content-Type", RegistryClient.OCTET,
                "Content-Range", size + "-" + (size + 9));
        assertThat(patch.status()).isEqualTo(202);
        assertThat(patch.header("Range")).isEqualTo("0-" + (size + 9));
    }

    private long sessionBytes(String session) {
        String range = client.get(session).header("Range");
        return Long.parseLong(range.substring(range.indexOf('-') + 1)) + 1;
    }

    @Test
    void rangeHeadersOnBlobs() {
        FuzzInputs in = new FuzzInputs(RegistryFuzzTest.SEED + 2);
        FuzzHarness h = new FuzzHarness(port);
        byte[] blob = Content.random(100);
        String path = "/v2/" + REPO + "/blobs/" + client.pushBlob(REPO, blob);
        List<Req> bad = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int a = in.between(0, 200);
            String range = switch (i % 4) {
                case 0 -> "bytes=" + in.between(100, 1_000_000) + "-" + in.between(0, 2_000_000);
                case 1 -> "bytes=" + (a + 1) + "-" + in.between(0, a);
                case 2 -> in.pick(List.of("bytes=-0", "bytes=", "bytes=abc", "bytes=--1", "bytes=1-2-3", "0-5",
                        "bytes=99999999999999999999-", "bytes=1x-2", "bytes= -", "bytes=-"));
                default -> "bytes=" + in.between(100, 5000) + "-";
            };
            bad.add(Req.of(in.pick(List.of("GET", "HEAD")), path, "Range: " + range));
        }
        h.run("blob-range-unsatisfiable", Expect.of(416, "RANGE_INVALID").withHeader("Content-Range", "bytes */100"), bad);
        List<Req> good = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int a = in.between(0, 99);
            int b = in.between(a, 300);
            boolean suffix = i % 3 == 0;
            int k = in.between(1, 200);
            good.add(Req.of("GET", path, "Range: " + (suffix ? "bytes=-" + k : "bytes=" + a + "-" + b)));
            expected.add(suffix ? "bytes " + Math.max(0, 100 - k) + "-99/100" : "bytes " + a + "-" + Math.min(b, 99) + "/100");
        }
        List<Response> answers = h.run("blob-range-satisfiable", new Expect(206, null, r -> null), good);
        for (int i = 0; i < answers.size(); i++) {
            Response r = answers.get(i);
            if (r != null && !expected.get(i).equals(r.header("Content-Range"))) {
                h.fail("blob-range-satisfiable", "Content-Range " + r.header("Content-Range") + ", expected " + expected.get(i));
            }
        }
        assertThat(h.failures()).isEmpty();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code Range} of an upload session holding {@code size} bytes. */
    private static String uploadRange(long size) {
        return "0-" + Math.max(0, size - 1);
    }
}
