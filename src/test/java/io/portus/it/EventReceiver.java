package io.portus.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

/** A registry notification endpoint for tests: records every event of every envelope POSTed to it. */
final class EventReceiver implements AutoCloseable {

    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    /** Listens on {@code port} (a port chosen earlier, so a sender can be configured before it is up). */
    EventReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/events", ex -> {
            try (ex) {
                contentTypes.add(String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")));
                Json.parse(ex.getRequestBody().readAllBytes()).path("events").forEach(events::add);
                ex.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    List<JsonNode> events() {
        return List.copyOf(events);
    }

    List<String> contentTypes() {
        return List.copyOf(contentTypes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
