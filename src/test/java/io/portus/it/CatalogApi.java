package io.portus.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/** Portus's REST API as the catalog tests drive it: the first admin, users and bots with tokens, catalog reads. */
final class CatalogApi {

    /** One answer. */
    record Answer(int status, String body) {
        JsonNode json() {
            return Json.parse(body);
        }
    }

    private final String base;
    String admin;

    CatalogApi(String base) {
        this.base = base;
    }

    /** The first admin; returns {@code name:token} for the Portus-Auth header. */
    String bootstrap(String username, String password) {
        Answer a = send("POST", "/api/v1/users/bootstrap", null, Map.of("user",
                Map.of("username", username, "email", username + "@example.com", "password", password)));
        check(a, 201, 200);
        admin = username + ":" + a.json().path("plain_token").asString();
        return admin;
    }

    /** A user (a bot when {@code bot}, so the admin can give it a token); returns {@code name:token} for bots. */
    String createUser(String username, String password, boolean bot) {
        Answer a = send("POST", "/api/v1/users", admin, Map.of("user", Map.of("username", username,
                "email", username + "@example.com", "password", password, "bot", bot)));
        check(a, 201, 200);
        if (!bot) {
            return null;
        }
        long id = a.json().path("id").asLong();
        Answer t = send("POST", "/api/v1/users/" + id + "/application_tokens", admin, Map.of("application", "it"));
        check(t, 201, 200);
        return username + ":" + t.json().path("plain_token").asString();
    }

    void registerRegistry(String name, String hostname) {
        check(send("POST", "/api/v1/registries", admin, Map.of("registry",
                Map.of("name", name, "hostname", hostname, "use_ssl", false))), 201, 200);
    }

    /** The repository (by full name) as the admin sees it, once it has {@code tags} tags. */
    JsonNode awaitRepository(String fullName, Function<JsonNode, Boolean> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> repo = repository(fullName);
            if (repo.isPresent()) {
                JsonNode tags = send("GET", "/api/v1/repositories/" + repo.get().path("id").asLong() + "/tags?all=true",
                        admin, null).json();
                last = tags;
                if (condition.apply(tags)) {
                    return tags;
                }
            }
            ServerProcess.sleep(200);
        }
        throw new AssertionError(fullName + " never reached the expected state; last tags: " + last);
    }

    Optional<JsonNode> repository(String fullName) {
        for (JsonNode r : send("GET", "/api/v1/repositories?all=true", admin, null).json()) {
            if (r.path("full_name").asString().equals(fullName)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    static JsonNode tag(JsonNode tags, String name) {
        for (JsonNode t : tags) {
            if (t.path("name").asString().equals(name)) {
                return t;
            }
        }
        return null;
    }

    static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path("name").asString()));
        return out;
    }

    Answer send(String method, String path, String auth, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (auth != null) {
            b.header("Portus-Auth", auth);
        }
        try {
            HttpResponse<String> r = Http.client(true).send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    static Answer check(Answer a, int... expected) {
        for (int s : expected) {
            if (a.status() == s) {
                return a;
            }
        }
        throw new AssertionError("HTTP " + a.status() + ": " + a.body());
    }
}
