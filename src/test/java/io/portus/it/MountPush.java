package io.portus.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Tags an image that a registry already holds in another repository under a new name, with a bearer token
 * obtained beforehand: cross-repository mounts of its blobs, then a manifest PUT. Lets a test push while
 * the token service (our database) is away.
 */
final class MountPush {

    private MountPush() {
    }

    static final String ACCEPT = "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json";

    /** Returns the pushed manifest's digest. */
    static String push(String base, String token, String from, String to, String tag) throws IOException, InterruptedException {
        HttpResponse<byte[]> m = send(HttpRequest.newBuilder(URI.create(base + "/v2/" + from + "/manifests/latest-mount-source"))
                .header("Accept", ACCEPT), token, "GET");
        if (m.statusCode() != 200) {
            throw new AssertionError("manifest of " + from + ": HTTP " + m.statusCode());
        }
        String mediaType = m.headers().firstValue("Content-Type").orElseThrow();
        JsonNode manifest = Json.parse(m.body());
        List<String> blobs = new ArrayList<>();
        blobs.add(manifest.path("config").path("digest").asString());
        manifest.path("layers").forEach(l -> blobs.add(l.path("digest").asString()));
        for (String digest : blobs) {
            HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(base + "/v2/" + to + "/blobs/uploads/?mount="
                    + digest + "&from=" + from)), token, "POST");
            if (r.statusCode() != 201) {
                throw new AssertionError("mount of " + digest + ": HTTP " + r.statusCode());
            }
        }
        HttpResponse<byte[]> put = Http.client(false).send(HttpRequest.newBuilder(URI.create(base + "/v2/" + to + "/manifests/" + tag))
                .header("Authorization", "Bearer " + token).header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(m.body())).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (put.statusCode() != 201) {
            throw new AssertionError("manifest PUT: HTTP " + put.statusCode() + " " + new String(put.body()));
        }
        return put.headers().firstValue("Docker-Content-Digest").orElseThrow();
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder b, String token, String method)
            throws IOException, InterruptedException {
        return Http.client(false).send(b.header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
