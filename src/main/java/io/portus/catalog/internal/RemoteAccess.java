package io.portus.catalog.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.portus.outbound.OutboundClient;
import io.portus.outbound.OutboundClient.Response;
import io.portus.storage.Digest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link RegistryAccess} of an external registry over the distribution API. A 401 with a Bearer challenge
 * is answered with a token for the {@code portus} user ({@link RemoteAuth}); every manifest fetched by
 * digest is checked to hash to that digest. Answers are read up to {@value #MAX_BODY} bytes.
 */
final class RemoteAccess implements RegistryAccess {

    static final String ACCEPT = String.join(", ", "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json");
    static final int MAX_BODY = 16 * 1024 * 1024;
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private final OutboundClient http;
    private final String base;
    private final RemoteAuth auth;
    private final JsonMapper json;
    private final Duration timeout;

    RemoteAccess(OutboundClient http, String base, RemoteAuth auth, JsonMapper json, Duration timeout) {
        this.http = http;
        this.base = base;
        this.auth = auth;
        this.json = json;
        this.timeout = timeout;
    }

    @Override
    public Optional<Manifest> manifest(String repository, String digest) {
        Response r = send("GET", "/v2/" + repository + "/manifests/" + digest, true);
        if (r.status() == 404) {
            return Optional.empty();
        }
        expectOk(r, "GET manifest " + repository + "@" + digest);
        Digest expected = Digest.parse(digest);
        Digest actual = Digest.of(expected.algorithm(), hash(expected.algorithm(), r.body()));
        if (!actual.equals(expected)) {
            return Optional.empty();
        }
        return Optional.of(new Manifest(r.body(), r.header("Content-Type").orElse(null)));
    }

    private static java.security.MessageDigest hash(String algorithm, byte[] body) {
        java.security.MessageDigest md = Digest.newMessageDigest(algorithm);
        md.update(body);
        return md;
    }

    @Override
    public Optional<byte[]> blob(String repository, String digest, int maxBytes) {
        Digest expected = Digest.parse(digest);
        Response r = send("GET", "/v2/" + repository + "/blobs/" + digest, false, maxBytes + 1);
        if (r.status() == 404) {
            return Optional.empty();
        }
        expectOk(r, "GET blob " + repository + "@" + digest);
        if (r.body().length > maxBytes) {
            throw new RegistryRefusedException("the blob " + digest + " has more than the " + maxBytes + " bytes read here");
        }
        if (!Digest.of(expected.algorithm(), hash(expected.algorithm(), r.body())).equals(expected)) {
            throw new RetryableException("the registry answered other bytes than " + digest);
        }
        return Optional.of(r.body());
    }

    @Override
    public List<io.portus.catalog.TagDetails.Referrer> referrers(String repository, String digest) {
        Response r = send("GET", "/v2/" + repository + "/referrers/" + digest, false);
        if (r.status() == 200) {
            return Referrers.ofIndex(json, r.body());
        }
        // distribution 2.8 has no referrers API: the fallback tag <alg>-<hex> (OCI distribution spec 1.1)
        Response tag = send("GET", "/v2/" + repository + "/manifests/" + digest.replace(':', '-'), true);
        if (tag.status() == 404) {
            return List.of();
        }
        expectOk(tag, "GET referrers tag of " + repository + "@" + digest);
        return Referrers.ofIndex(json, tag.body());
    }

    @Override
    public Optional<String> resolveTag(String repository, String tag) {
        Response r = send("HEAD", "/v2/" + repository + "/manifests/" + tag, true);
        if (r.status() == 404) {
            return Optional.empty();
        }
        expectOk(r, "HEAD manifest " + repository + ":" + tag);
        return r.header("Docker-Content-Digest");
    }

    @Override
    public Optional<List<String>> tags(String repository) {
        List<String> tags = new ArrayList<>();
        String path = "/v2/" + repository + "/tags/list?n=1000";
        while (path != null) {
            Response r = send("GET", path, false);
            if (r.status() == 404) {
                return tags.isEmpty() ? Optional.empty() : fail("tag listing of " + repository + " ended with 404");
            }
            expectOk(r, "GET tags of " + repository);
            readArray(r.body(), "tags", tags);
            path = next(r);
        }
        return Optional.of(tags);
    }

    @Override
    public List<String> repositories() {
        List<String> names = new ArrayList<>();
        String path = "/v2/_catalog?n=1000";
        while (path != null) {
            Response r = send("GET", path, false);
            expectOk(r, "GET /v2/_catalog");
            readArray(r.body(), "repositories", names);
            path = next(r);
        }
        return names;
    }

    @Override
    public Optional<String> deleteManifest(String repository, String digest, String actor) {
        Response r = send("DELETE", "/v2/" + repository + "/manifests/" + digest, false);
        int status = r.status();
        if (status == 202 || status == 200 || status == 204 || status == 404) {
            return Optional.empty();
        }
        if (status >= 400 && status < 500) {
            throw new RegistryRefusedException("the registry refused to delete " + repository + "@" + digest
                    + " (HTTP " + status + (status == 405 ? ": deletes are disabled in its storage" : "") + ")");
        }
        throw new RetryableException("DELETE manifest " + repository + "@" + digest + " answered HTTP " + status);
    }

    private static <T> T fail(String message) {
        throw new RetryableException(message);
    }

    private void readArray(byte[] body, String field, List<String> into) {
        JsonNode array;
        try {
            array = json.readTree(body).get(field);
        } catch (RuntimeException e) {
            throw new RetryableException("registry answered something that is not JSON");
        }
        if (array != null && array.isArray()) {
            array.forEach(n -> into.add(n.asString()));
        }
    }

    private static String next(Response r) {
        Optional<String> link = r.header("Link");
        if (link.isEmpty()) {
            return null;
        }
        Matcher m = NEXT.matcher(link.get());
        return m.find() ? URI.create(m.group(1)).getRawPath() + queryOf(m.group(1)) : null;
    }

    private static String queryOf(String uri) {
        String q = URI.create(uri).getRawQuery();
        return q == null ? "" : "?" + q;
    }

    private static void expectOk(Response r, String what) {
        if (r.status() != 200) {
            throw new RetryableException(what + " answered HTTP " + r.status());
        }
    }

    private Response send(String method, String path, boolean manifest) {
        return send(method, path, manifest, MAX_BODY);
    }

    private Response send(String method, String path, boolean manifest, int maxBody) {
        Response r = once(method, path, manifest, auth.cached(base, path), maxBody);
        if (r.status() == 401) {
            String challenge = r.header("WWW-Authenticate").orElse("");
            r = once(method, path, manifest, auth.answer(challenge, base, path), maxBody);
        }
        return r;
    }

    private Response once(String method, String path, boolean manifest, String token, int maxBody) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (manifest) {
            headers.add(Map.entry("Accept", ACCEPT));
        }
        if (token != null) {
            headers.add(Map.entry("Authorization", "Bearer " + token));
        }
        try {
            return http.send(new OutboundClient.Request(method, URI.create(base + path), headers, null, timeout, maxBody));
        } catch (IOException e) {
            throw new RetryableException(method + " " + base + path + ": " + e, e);
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
