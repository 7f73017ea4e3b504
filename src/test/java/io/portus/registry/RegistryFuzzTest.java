package io.portus.registry;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import io.portus.registry.FuzzHarness.Expect;
import io.portus.registry.FuzzHarness.Req;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded, deterministic fuzzer of the registry's edge: a few thousand hostile requests over raw sockets
 * (names, references, digests, upload ids, methods, Content-Length and Transfer-Encoding values, malformed
 * request lines and headers, pagination and digest parameters, Range and Content-Range values), grouped
 * into input classes whose every request must get one exact status and OCI error code in the envelope,
 * with {@code Docker-Distribution-API-Version} (see {@link FuzzHarness}). Prints one line per class. The
 * body-level classes (cut and lying bodies) are {@link RegistryBodyFuzzTest}.
 */
class RegistryFuzzTest extends RegistryTestBase {

    static final long SEED = 8L;
    private static final String REPO = "fuzz/base";
    private static final Set<String> ENDPOINT_WORDS = Set.of("manifests", "blobs", "referrers", "tags", "list", "uploads");

    @Test
    void everyHostileRequestGetsItsExactErrorInTheEnvelope() {
        FuzzInputs in = new FuzzInputs(SEED);
        FuzzHarness h = new FuzzHarness(port);
        String blob = client.pushBlob(REPO, Content.random(100)).toString();
        String session = client.startUpload(REPO);

        h.run("name-invalid", Expect.of(400, "NAME_INVALID"), onEveryEndpoint(in, times(50, in::invalidName)));
        h.run("name-over-255", Expect.of(400, "NAME_INVALID"), onEveryEndpoint(in, times(20, in::longName)));
        h.run("name-at-255-is-valid", Expect.of(404, "NAME_UNKNOWN"),
                times(30, () -> Req.of("GET", "/v2/" + in.validName(255) + "/tags/list")));

        List<String> tags = times(120, in::invalidTag).stream().filter(RegistryFuzzTest::decodesToBadTag).toList();
        h.run("manifest-ref-tag-invalid", Expect.of(400, "TAG_INVALID"),
                each(tags, t -> List.of("GET", "HEAD", "DELETE", "PUT"), (m, t) -> Req.of(m, manifest(t))));
        List<String> notTags = times(30, in::notATag);
        h.run("manifest-ref-not-a-tag-lookup", Expect.of(404, "MANIFEST_UNKNOWN"),
                each(notTags, t -> List.of("GET", "HEAD", "DELETE"), (m, t) -> Req.of(m, manifest(t))));
        h.run("manifest-ref-not-a-tag-put", Expect.of(400, "TAG_INVALID"),
                each(notTags, t -> List.of("PUT"), (m, t) -> Req.of(m, manifest(t))));
        h.run("manifest-ref-digest-invalid", Expect.of(400, "DIGEST_INVALID"),
                each(times(60, in::invalidDigestWithColon), t -> List.of("GET", "HEAD", "DELETE", "PUT"),
                        (m, d) -> Req.of(m, manifest(d))));
        List<String> digests = times(60, in::invalidDigest);
        h.run("blob-digest-invalid", Expect.of(400, "DIGEST_INVALID"),
                each(digests, d -> List.of("GET", "HEAD", "DELETE"), (m, d) -> Req.of(m, "/v2/" + REPO + "/blobs/" + d)));
        h.run("referrers-digest-invalid", Expect.of(400, "DIGEST_INVALID"),
                each(digests, d -> List.of("GET", "HEAD"), (m, d) -> Req.of(m, "/v2/" + REPO + "/referrers/" + d)));
        h.run("upload-id-unknown", Expect.of(404, "BLOB_UPLOAD_UNKNOWN"),
                each(times(60, in::unknownUploadId), id -> List.of("GET", "HEAD", "PATCH", "PUT", "DELETE"),
                        (m, id) -> Req.of(m, "/v2/" + REPO + "/blobs/uploads/" + id
                                + ("PUT".equals(m) ? "?digest=" + blob : ""))));

        h.run("method-not-allowed", Expect.of(405, "UNSUPPORTED").withHeader("Allow", null),
                methodsNotAllowed(in, blob, session));
        h.run("no-route-under-v2", Expect.of(404, "UNSUPPORTED"), noRoutes(in));

        List<String> lengths = List.of("-1", "-5", "abc", "1e3", "99999999999999999999", "0x10", "5 5", "+5", "1,1",
                "18446744073709551616", "-0x1");
        h.run("content-length-invalid", Expect.of(400, "SIZE_INVALID"),
                each(lengths, v -> List.of("PATCH " + session, "PUT " + manifest("t"), "POST /v2/" + REPO + "/blobs/uploads/",
                        "GET /v2/" + REPO + "/tags/list", "PUT " + session + "?digest=" + blob), (mt, v) -> {
                    String[] parts = mt.split(" ", 2);
                    return Req.of(parts[0], parts[1], "Content-Length: " + v);
                }));
        h.run("content-length-repeated", Expect.of(400, "SIZE_INVALID"),
                List.of(Req.of("PATCH", session, "Content-Length: 1", "Content-Length: 2"),
                        Req.of("PUT", manifest("t"), "Content-Length: 0", "Content-Length: 0"),
                        Req.of("POST", "/v2/" + REPO + "/blobs/uploads/", "Content-Length: 3", "Content-Length: 3")));
        h.run("transfer-encoding-unknown", Expect.of(501, "UNSUPPORTED"),
                each(List.of("gzip", "deflate", "compress", "br", "x-fuzz", "identity"), v -> List.of("PATCH", "PUT"),
                        (m, v) -> Req.of(m, "PATCH".equals(m) ? session : manifest("t"), "Transfer-Encoding: " + v)));
        h.run("transfer-encoding-invalid", Expect.of(400, "UNSUPPORTED"),
                each(List.of("chunked, chunked", "chunked, gzip", "chunked,chunked"), v -> List.of("PATCH", "PUT"),
                        (m, v) -> Req.of(m, "PATCH".equals(m) ? session : manifest("t"), "Transfer-Encoding: " + v)));
        h.run("header-malformed", Expect.of(400, "UNSUPPORTED"), malformedHeaders(session));
        h.run("http-version-unsupported", Expect.of(505, "UNSUPPORTED"),
                each(List.of("HTTP/2.0", "HTTP/3.0", "HTTP/9.9", "HTTP/1.2"), v -> List.of("/v2/", manifest("t"), session),
                        (p, v) -> Req.of("GET", p).withProtocol(v)));

        List<String> badN = List.of("-1", "abc", "1.5", "99999999999", "0x1", "%zz", "%205", "1e2", "-0x1", "%00", "n");
        h.run("pagination-number-invalid", Expect.of(400, "PAGINATION_NUMBER_INVALID"),
                each(badN, n -> List.of("/v2/" + REPO + "/tags/list", "/v2/_catalog"), (p, n) -> Req.of("GET", p + "?n=" + n)));
        List<String> badDigests = times(40, in::invalidDigest).stream().map(FuzzInputs::encode).toList();
        h.run("upload-digest-param-invalid", Expect.of(400, "DIGEST_INVALID"),
                each(badDigests, d -> List.of("PUT " + session + "?digest=", "POST /v2/" + REPO + "/blobs/uploads/?digest=",
                        "POST /v2/" + REPO + "/blobs/uploads/?from=" + REPO + "&mount="), (mt, d) -> {
                    String[] parts = mt.split(" ", 2);
                    return Req.of(parts[0], parts[1] + d);
                }));
        h.run("content-range-invalid", Expect.of(416, "RANGE_INVALID").withHeader("Range", "0-0"),
                each(List.of("bytes 0-9", "abc", "5-2", "0-", "-1-3", "0-9-10", "1-1", "100-199", "0-0", "0-99",
                                "99999999999999999999-1", "0 - 9", "bytes=0-9", "*/100", "0-9/10", "", "-", "1-0"),
                        v -> List.of("PATCH"), (m, v) -> Req.of(m, session, "Content-Range: " + v, "Content-Length: 0")));

        assertThat(h.failures()).as("mismatches (of " + h.total() + " requests)").isEmpty();
        assertThat(h.total()).isGreaterThan(2000);
        System.out.println("fuzz total: " + h.total() + " requests, seed " + SEED);
        assertThat(client.get(session).status()).as("the shared session survived").isEqualTo(204);
    }

    /** Every endpoint family and method that takes a repository name. */
    private static List<Req> onEveryEndpoint(FuzzInputs in, List<String> names) {
        String digest = in.validDigest();
        String id = java.util.UUID.randomUUID().toString();
        return each(names, n -> List.of("GET /tags/list", "GET /manifests/latest", "HEAD /manifests/latest",
                "PUT /manifests/latest", "DELETE /manifests/" + digest, "GET /blobs/" + digest, "HEAD /blobs/" + digest,
                "DELETE /blobs/" + digest, "POST /blobs/uploads/", "GET /blobs/uploads/" + id, "PATCH /blobs/uploads/" + id,
                "PUT /blobs/uploads/" + id + "?digest=" + digest, "DELETE /blobs/uploads/" + id,
                "GET /referrers/" + digest, "HEAD /referrers/" + digest), (mp, n) -> {
            String[] parts = mp.split(" ", 2);
            return Req.of(parts[0], "/v2/" + n + parts[1]);
        });
    }

    private static List<Req> methodsNotAllowed(FuzzInputs in, String blob, String session) {
        Map<String, Set<String>> endpoints = Map.of(
                "/v2/", Set.of("GET", "HEAD"), "/v2/_catalog", Set.of("GET", "HEAD"),
                "/v2/" + REPO + "/tags/list", Set.of("GET", "HEAD"),
                manifest("latest"), Set.of("GET", "HEAD", "PUT", "DELETE"),
                "/v2/" + REPO + "/blobs/" + blob, Set.of("GET", "HEAD", "DELETE"),
                "/v2/" + REPO + "/blobs/uploads/", Set.of("POST"),
                session, Set.of("GET", "HEAD", "PATCH", "PUT", "DELETE"),
                "/v2/" + REPO + "/referrers/" + blob, Set.of("GET", "HEAD"));
        List<String> methods = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND", "MKCOL",
                "LOCK", "FUZZ", "get", "Post", "TRACE", "CONNECT", "M-SEARCH");
        List<Req> reqs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            endpoints.keySet().stream().sorted().forEach(path -> methods.stream()
                    .filter(m -> !endpoints.get(path).contains(m))
                    .filter(m -> in.random().nextInt(3) == 0)
                    .forEach(m -> reqs.add(Req.of(m, path))));
        }
        return reqs;
    }

    private static List<Req> noRoutes(FuzzInputs in) {
        List<Req> reqs = new ArrayList<>();
        List<String> fixed = List.of("/v2/x", "/v2/_catalog/x", "/v2/a/manifests/", "/v2/a/blobs/", "/v2/a/referrers/",
                "/v2/a/tags/", "/v2/a/tags/list/x", "/v2/a/unknown/x", "/v2/token/x", "/v2/webhooks", "/v2/a/blobs/uploads/x/y",
                "/v2/%2e%2e", "/v2/../x", "/v2/a/..", "/v2//", "/v2/a/manifests", "/v2/a/_catalog");
        List<String> methods = List.of("GET", "HEAD", "PUT", "POST", "DELETE", "PATCH", "OPTIONS");
        for (String path : fixed) {
            for (String m : methods) {
                reqs.add(Req.of(m, path));
            }
        }
        for (int i = 0; i < 60; i++) {
            String name = in.validName(in.between(1, 30));
            if (List.of(name.split("[/._-]")).stream().anyMatch(ENDPOINT_WORDS::contains)) {
                continue;
            }
            reqs.add(Req.of(in.pick(methods), "/v2/" + (name.contains("/") ? name : name + "/" + in.chars("xyz", 3))));
        }
        return reqs;
    }

    private static List<Req> malformedHeaders(String session) {
        List<String> bad = List.of("Bad Header: x", "X-\u0001: y", ": novalue", "X: a\u0001b", "NoColon",
                "X-Fuzz\u007f: 1", "(bad): 1", "X\u00e9: 1", "X: a\u0000b");
        List<Req> reqs = new ArrayList<>();
        for (String header : bad) {
            for (String target : List.of("/v2/", manifest("t"), session, "/v2/" + REPO + "/tags/list")) {
                reqs.add(Req.of("GET", target, header));
            }
        }
        reqs.add(Req.of("GET", "/v2/", "Host: a", "Host: b"));
        reqs.add(Req.of("GET", manifest("t"), "Host: a b"));
        return reqs;
    }

    private static String manifest(String ref) {
        return "/v2/" + REPO + "/manifests/" + ref;
    }

    /** Whether the registry, after decoding the path element as its router does, sees no tag and no ':'. */
    static boolean decodesToBadTag(String ref) {
        String decoded;
        try {
            decoded = ref.indexOf('%') < 0 ? ref : URLDecoder.decode(ref.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = ref;
        }
        return decoded.indexOf(':') < 0 && !io.portus.storage.Tag.isValid(decoded)
                && (decoded.length() > 128 || !decoded.matches("[a-zA-Z0-9._-]*"));
    }

    static <T> List<T> times(int n, Supplier<T> generator) {
        List<T> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(generator.get());
        }
        return list;
    }

    interface Builder<A> {
        Req build(String variant, A value);
    }

    static <A> List<Req> each(List<A> values, Function<A, List<String>> variants, Builder<A> builder) {
        List<Req> reqs = new ArrayList<>();
        for (A value : values) {
            for (String variant : variants.apply(value)) {
                reqs.add(builder.build(variant, value));
            }
        }
        return reqs;
    }
}
