package io.portus.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small /v2 client over java.net.http for tests: raw GET/HEAD, catalog and tags with {@code Link}
 * paging, and monolithic / chunked blob pushes and manifest pushes that fail loudly (with the response)
 * unless the registry acknowledges them with 201. Thread-safe; give each concurrent thread its own
 * instance for its own connection pool.
 */
public final class RegistryHttp {

    /** The Accept header real clients send (distribution 2.8 404s OCI manifests without it). */
    public static final String ACCEPT_MANIFESTS = "application/vnd.oci.image.manifest.v1+json, "
            + "application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.v2+json, "
            + "application/vnd.docker.distribution.manifest.list.v2+json";

    /** A registry answer that was not what the protocol requires. */
    public static final class UnexpectedResponse extends RuntimeException {
        private final int status;

        UnexpectedResponse(String what, HttpResponse<?> r) {
            super(what + ": HTTP " + r.statusCode() + " " + r.request().method() + " " + r.request().uri()
                    + " headers " + r.headers().map() + " body " + body(r));
            this.status = r.statusCode();
        }

        public int status() {
            return status;
        }

        private static String body(HttpResponse<?> r) {
            Object b = r.body();
            String s = b instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(b);
            return s.length() > 500 ? s.substring(0, 500) + "..." : s;
        }
    }

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private final URI base;
    private final HttpClient client;
    private final Duration timeout;

    public RegistryHttp(URI base) {
        this(base, Http.client("https".equals(base.getScheme())), Duration.ofSeconds(60));
    }

    public RegistryHttp(URI base, HttpClient client, Duration timeout) {
        this.base = base;
        this.client = client;
        this.timeout = timeout;
    }

    public URI base() {
        return base;
    }

    /** Resolves a path or a (relative or absolute) Location against the registry. */
    public URI uri(String pathOrLocation) {
        return base.resolve(pathOrLocation);
    }

    public HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).GET().build());
    }

    public HttpResponse<byte[]> head(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    public HttpResponse<byte[]> send(HttpRequest req) throws IOException, InterruptedException {
        return client.send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpRequest.Builder request(String pathOrLocation, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathOrLocation)).timeout(timeout);
        if (headers.length > 0) {
            b.headers(headers);
        }
        return b;
    }

    /** All repositories of {@code /v2/_catalog}, following {@code Link: <...>; rel="next"}. */
    public List<String> catalog() throws IOException, InterruptedException {
        return paged("/v2/_catalog?n=100", "repositories");
    }

    /** All tags of a repository, following {@code Link}; in the order served. */
    public List<String> tags(String repo) throws IOException, InterruptedException {
        return paged("/v2/" + repo + "/tags/list", "tags");
    }

    private List<String> paged(String first, String field) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>();
        String next = first;
        for (int page = 0; next != null; page++) {
            if (page > 10_000) {
                throw new AssertionError("endless Link paging at " + next);
            }
            HttpResponse<byte[]> r = get(next);
            if (r.statusCode() != 200) {
                throw new UnexpectedResponse("GET " + next, r);
            }
            Json.parse(r.body()).path(field).forEach(n -> all.add(n.asString()));
            next = r.headers().firstValue("Link").map(NEXT_LINK::matcher).filter(Matcher::find)
                    .map(m -> m.group(1)).orElse(null);
        }
        return all;
    }

    /** POST + monolithic {@code PUT ?digest=}; returns the digest once the registry answered 201. */
    public String pushBlob(String repo, byte[] data) throws IOException, InterruptedException {
        String digest = Digests.sha256(data);
        String location = startUpload(repo);
        HttpResponse<byte[]> put = send(request(withDigest(location, digest), "Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build());
        expect(put, 201, "monolithic PUT of " + digest);
        return digest;
    }

    /** POST, PATCH chunks with {@code Content-Range}, closing {@code PUT ?digest=}; returns the digest after 201. */
    public String pushBlobChunked(String repo, byte[] data, int chunkSize) throws IOException, InterruptedException {
        String digest = Digests.sha256(data);
        String location = startUpload(repo);
        for (int off = 0; off < data.length; off += chunkSize) {
            int len = Math.min(chunkSize, data.length - off);
            HttpResponse<byte[]> patch = send(request(location, "Content-Type", "application/octet-stream",
                    "Content-Range", off + "-" + (off + len - 1))
                    .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(data, off, len)).build());
            expect(patch, 202, "PATCH " + off + "-" + (off + len - 1) + " of " + digest);
            location = patch.headers().firstValue("Location").orElse(location);
        }
        HttpResponse<byte[]> put = send(request(withDigest(location, digest), "Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
        expect(put, 201, "closing PUT of chunked " + digest);
        return digest;
    }

    /** {@code POST /v2/<repo>/blobs/uploads/} → 202; returns the Location. */
    public String startUpload(String repo) throws IOException, InterruptedException {
        HttpResponse<byte[]> post = send(request("/v2/" + repo + "/blobs/uploads/")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        expect(post, 202, "POST upload in " + repo);
        return post.headers().firstValue("Location")
                .orElseThrow(() -> new UnexpectedResponse("202 without Location", post));
    }

    /** {@code PUT /v2/<repo>/manifests/<ref>}; returns the digest of the bytes after 201. */
    public String putManifest(String repo, String reference, String mediaType, byte[] body)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> put = send(request("/v2/" + repo + "/manifests/" + reference, "Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        expect(put, 201, "PUT manifest " + repo + ":" + reference);
        return Digests.sha256(body);
    }

    /** GET a manifest with the Accept header of real clients. */
    public HttpResponse<byte[]> getManifest(String repo, String reference) throws IOException, InterruptedException {
        return get("/v2/" + repo + "/manifests/" + reference, "Accept", ACCEPT_MANIFESTS);
    }

    public Optional<String> header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name);
    }

    static String withDigest(String location, String digest) {
        return location + (location.contains("?") ? "&" : "?") + "digest="
                + URLEncoder.encode(digest, StandardCharsets.UTF_8);
    }

    static void expect(HttpResponse<?> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new UnexpectedResponse(what + " (expected " + status + ")", r);
        }
    }
}
