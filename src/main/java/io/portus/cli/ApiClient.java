package io.portus.cli;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The server's REST API as the verbs use it: the JDK's HttpClient, JSON in and out, the {@code Portus-Auth:
 * user:token} header, and each error status turned into an exit code and the server's own message
 * ({@link CliFailure}). No Spring here: a verb that talks to a server starts in a fraction of a second.
 */
final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** A response the server gave with a 2xx status; {@code body} is JSON null when there was none. */
    record Reply(int status, JsonNode body) {
    }

    private final URI base;
    private final String auth;
    private final HttpClient http;

    ApiClient(URI base, String user, String token) {
        this.base = base;
        this.auth = user == null ? null : user + ":" + token;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Reply get(String path, Map<String, String> query) {
        return send("GET", path, query, null);
    }

    /** Sends and fails ({@link CliFailure}) on an error status. */
    Reply send(String method, String path, Map<String, String> query, JsonNode body) {
        Reply reply = exchange(method, path, query, body);
        if (reply.status() >= 400) {
            throw new CliFailure(exitCode(reply.status()), method + " " + path + ": " + reply.status() + " "
                    + Messages.of(reply.body(), reply.body().isString() ? reply.body().asString() : null));
        }
        return reply;
    }

    /** Sends and returns whatever status came back (health reports its failures in the body). */
    Reply exchange(String method, String path, Map<String, String> query, JsonNode body) {
        String q = query == null || query.isEmpty() ? "" : "?" + query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        URI uri = URI.create(base + path + q);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (auth != null) {
            request.header("Portus-Auth", auth);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.UNREACHABLE, "cannot reach " + base + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.FAILED, "interrupted");
        }
        if (response.statusCode() >= 300 && response.statusCode() < 400) {
            throw new CliFailure(ExitCodes.FAILED, method + " " + path + ": the server redirects (" + response.statusCode()
                    + ") to " + response.headers().firstValue("Location").orElse("(no Location)")
                    + "; give that address as --server (redirects are not followed: they would carry the token along)");
        }
        return new Reply(response.statusCode(), parse(response.body()));
    }

    /** The exit code for an error status. */
    static int exitCode(int status) {
        return switch (status) {
            case 401, 403 -> ExitCodes.DENIED;
            case 404 -> ExitCodes.NOT_FOUND;
            case 400, 409, 422 -> ExitCodes.INVALID;
            case 502, 503, 504 -> ExitCodes.UNREACHABLE;
            default -> ExitCodes.FAILED;
        };
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException notJson) {
            return JsonNodeFactory.instance.stringNode(body.strip());
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
