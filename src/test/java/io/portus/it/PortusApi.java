package io.portus.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Portus's REST API {@code /api/v1} and token endpoint as an administrator drives them in the classic
 * setup: bootstrap the first admin, create users, register a registry, teams and namespaces, and fetch
 * tokens. HTTPS to a self-signed server (trust-all client, loopback only).
 */
final class PortusApi {

    private final String base;
    private String admin;

    PortusApi(String base) {
        this.base = base;
    }

    /** {@code POST /api/v1/users/bootstrap}: the first admin; later calls use its application token. */
    void bootstrap(String username, String password) {
        JsonNode body = send("POST", "/api/v1/users/bootstrap", Map.of("user",
                Map.of("username", username, "email", username + "@example.com", "password", password)), 201, 200);
        admin = username + ":" + body.path("plain_token").asString();
    }

    private final java.util.Map<String, Long> userIds = new java.util.concurrent.ConcurrentHashMap<>();

    long userId(String username) {
        return userIds.get(username);
    }

    long createUser(String username, String password) {
        long id = send("POST", "/api/v1/users", Map.of("user",
                Map.of("username", username, "email", username + "@example.com", "password", password)), 201, 200)
                .path("id").asLong();
        userIds.put(username, id);
        return id;
    }

    /** {@code GET /api/v1/users/<id or email>}: the user, or null when there is none. */
    JsonNode user(String idOrEmail) {
        JsonNode user = send("GET", "/api/v1/users/" + idOrEmail, null, 200, 404);
        return user.has("id") ? user : null;
    }

    void disableUser(long id) {
        send("PUT", "/api/v1/users/" + id + "/toggle_enabled", Map.of("enabled", false), 200, 204);
    }

    /** {@code POST /api/v1/registries}: an external registry, as the "New Registry" form does. */
    void registerRegistry(String name, String hostname, boolean useSsl) {
        send("POST", "/api/v1/registries", Map.of("registry",
                Map.of("name", name, "hostname", hostname, "use_ssl", useSsl)), 201, 200);
    }

    /** The id of the registry whose hostname is {@code hostname} ({@code GET /api/v1/registries}). */
    long registryId(String hostname) {
        for (JsonNode registry : send("GET", "/api/v1/registries", null, 200)) {
            if (registry.path("hostname").asString().equals(hostname)) {
                return registry.path("id").asLong();
            }
        }
        throw new AssertionError("no registry with hostname " + hostname);
    }

    long createTeam(String name, String owner) {
        return send("POST", "/api/v1/teams", Map.of("name", name, "owner_id", userId(owner)), 201, 200).path("id").asLong();
    }

    long createNamespace(String name, String team, String registryHostname) {
        return send("POST", "/api/v1/namespaces", Map.of("name", name, "team", team,
                "registry_id", registryId(registryHostname)), 201, 200).path("id").asLong();
    }

    void makePublic(long namespaceId) {
        send("PUT", "/api/v1/namespaces/" + namespaceId, Map.of("namespace", Map.of("visibility", "public")), 200, 204);
    }

    /** {@code POST /api/v1/gc} (202), then {@code GET /api/v1/gc/N} until the run is no longer running: its last JSON. */
    JsonNode garbageCollect(boolean dryRun) {
        long id = send("POST", "/api/v1/gc", Map.of("dry_run", dryRun), 202).path("id").asLong();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        while (true) {
            JsonNode run = send("GET", "/api/v1/gc/" + id, null, 200);
            if (!"running".equals(run.path("state").asString())) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("garbage collection " + id + " still running: " + run);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    /** {@code GET /v2/token} with Basic credentials (null user = anonymous); the whole response. */
    HttpResponse<String> token(String user, String password, String service, String... scopes) {
        StringBuilder query = new StringBuilder("?service=").append(encode(service));
        for (String scope : scopes) {
            query.append("&scope=").append(encode(scope));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/v2/token" + query)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.build());
    }

    /** The token of a successful {@code GET /v2/token}. */
    String tokenString(String user, String password, String service, String... scopes) {
        HttpResponse<String> response = token(user, password, service, scopes);
        if (response.statusCode() != 200) {
            throw new AssertionError("/v2/token answered " + response.statusCode() + ": " + response.body());
        }
        return Json.parse(response.body()).path("token").asString();
    }

    private JsonNode send(String method, String path, Object body, int... expected) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Portus-Auth", admin == null ? "" : admin)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.write(body))).build();
        HttpResponse<String> response = send(request);
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body().isBlank() ? Json.parse("{}") : Json.parse(response.body());
            }
        }
        throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return Http.client(true).send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
