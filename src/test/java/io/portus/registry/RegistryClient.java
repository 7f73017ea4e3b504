package io.portus.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import io.portus.storage.Digest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tiny registry client for the protocol tests (java.net.http). Every response of a registry route is
 * checked for {@code Docker-Distribution-API-Version: registry/2.0}, so every test asserts it.
 */
final class RegistryClient {

    static final String OCTET = "application/octet-stream";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    RegistryClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    String base() {
        return base;
    }

    Response get(String path, String... headers) {
        return send("GET", path, BodyPublishers.noBody(), headers);
    }

    Response head(String path, String... headers) {
        return send("HEAD", path, BodyPublishers.noBody(), headers);
    }

    Response delete(String path, String... headers) {
        return send("DELETE", path, BodyPublishers.noBody(), headers);
    }

    Response post(String path, byte[] body, String... headers) {
        return send("POST", path, BodyPublishers.ofByteArray(body), headers);
    }

    Response put(String path, byte[] body, String... headers) {
        return send("PUT", path, BodyPublishers.ofByteArray(body), headers);
    }

    Response patch(String path, byte[] body, String... headers) {
        return send("PATCH", path, BodyPublishers.ofByteArray(body), headers);
    }

    /** Sends a request; {@code path} may be absolute, or relative to the server (as a Location header). */
    Response send(String method, String path, BodyPublisher body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).method(method, body).timeout(Duration.ofSeconds(60));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> r = http.send(builder.build(), BodyHandlers.ofByteArray());
            Response response = new Response(r.statusCode(), r.headers().map(), r.body());
            assertThat(response.header("Docker-Distribution-API-Version"))
                    .as("Docker-Distribution-API-Version on %s %s (status %d)", method, path, r.statusCode())
                    .isEqualTo("registry/2.0");
            assertThat(r.statusCode()).as("%s %s must never be a server error: %s", method, path, response.text())
                    .isLessThan(500);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    // ---- helpers for setting up content -------------------------------------------------------

    /** Starts a session: POST → 202, returns its Location. */
    String startUpload(String repo) {
        Response r = post("/v2/" + repo + "/blobs/uploads/", new byte[0]);
        assertThat(r.status()).isEqualTo(202);
        return r.header("Location");
    }

    /** POST + monolithic PUT; returns the digest. */
    Digest pushBlob(String repo, byte[] content) {
        Digest digest = Digest.sha256(content);
        String location = startUpload(repo);
        Response r = put(withQuery(location, "digest=" + digest), content, "Content-Type", OCTET);
        assertThat(r.status()).as("blob push: %s", r.text()).isEqualTo(201);
        return digest;
    }

    Response putManifest(String repo, String reference, String mediaType, byte[] body) {
        return put("/v2/" + repo + "/manifests/" + reference, body, "Content-Type", mediaType);
    }

    /** Pushes a manifest and expects 201; returns its digest. */
    Digest pushManifest(String repo, String reference, String mediaType, byte[] body) {
        Response r = putManifest(repo, reference, mediaType, body);
        assertThat(r.status()).as("manifest push: %s", r.text()).isEqualTo(201);
        return Digest.sha256(body);
    }

    static String withQuery(String location, String param) {
        return location + (location.contains("?") ? "&" : "?") + param;
    }

    /** Accept header real clients send. */
    static final String[] ACCEPT = {"Accept", String.join(", ", Content.OCI_MANIFEST, Content.OCI_INDEX,
            Content.DOCKER_MANIFEST, Content.DOCKER_LIST)};
}
