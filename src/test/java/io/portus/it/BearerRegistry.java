package io.portus.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Raw registry calls with a bearer token from {@code /v2/token}, addressed to any instance: the steps of one
 * push (upload session, manifest) can go to different instances, as behind a balancer without stickiness.
 */
final class BearerRegistry {

    private final String token;

    private BearerRegistry(String token) {
        this.token = token;
    }

    /** A token for {@code pull,push} on {@code repository} from {@code base}'s token endpoint. */
    static BearerRegistry login(URI base, String service, String user, String password, String repository) {
        String query = "?service=" + enc(service) + "&scope=" + enc("repository:" + repository + ":pull,push");
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/v2/token" + query))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("/v2/token answered " + r.statusCode() + ": " + r.body());
        }
        return new BearerRegistry(Json.parse(r.body()).path("token").asString());
    }

    /** {@code GET /v2/token} with Basic credentials: the status only. */
    static int tokenStatus(URI base, String service, String user, String password) {
        return send(HttpRequest.newBuilder(base.resolve("/v2/token?service=" + enc(service)))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    HttpResponse<byte[]> call(URI base, String method, String pathOrLocation, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathOrLocation)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The bytes of a blob GET, following a 307 to the storage (S3 presigned URL) without the token. */
    byte[] blob(URI base, String path) {
        HttpResponse<byte[]> r = call(base, "GET", path, null);
        if (r.statusCode() == 307) {
            URI location = r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
            r = send(HttpRequest.newBuilder(location).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
        return expect(r, 200).body();
    }

    /** POST + monolithic PUT of {@code data} into {@code repository} on {@code base}; its digest after 201. */
    String pushBlob(URI base, String repository, byte[] data) {
        String digest = Digests.sha256(data);
        HttpResponse<byte[]> post = expect(call(base, "POST", "/v2/" + repository + "/blobs/uploads/", null), 202);
        String location = post.headers().firstValue("Location").orElseThrow();
        expect(call(base, "PUT", RegistryHttp.withDigest(location, digest), data,
                "Content-Type", "application/octet-stream"), 201);
        return digest;
    }

    static HttpResponse<byte[]> expect(HttpResponse<byte[]> r, int status) {
        if (r.statusCode() != status) {
            throw new AssertionError(r.request().method() + " " + r.uri() + " answered " + r.statusCode()
                    + " instead of " + status + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r;
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return Http.client(false).send(request, handler);
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
