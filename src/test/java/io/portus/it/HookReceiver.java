package io.portus.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

/** A Portus namespace webhook's endpoint for tests: records the registry event each POST carries. */
final class HookReceiver implements AutoCloseable {

    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    HookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            try (ex) {
                events.add(Json.parse(ex.getRequestBody().readAllBytes()));
                ex.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** How many deliveries were a push of {@code repository:tag}. */
    long pushes(String repository, String tag) {
        return events.stream().filter(e -> "push".equals(e.path("action").asString())
                && repository.equals(e.path("target").path("repository").asString())
                && tag.equals(e.path("target").path("tag").asString())).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
