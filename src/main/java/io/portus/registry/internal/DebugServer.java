package io.portus.registry.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * distribution's debug server on {@code REGISTRY_HTTP_DEBUG_ADDR} ({@code portus.registry.debug-addr}):
 * {@code /debug/health} (200 {@code {}} when the storage answers, 503 naming the failed check otherwise)
 * and {@code /debug/vars} (runtime figures). A separate small server so it can listen on a private address.
 */
final class DebugServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DebugServer.class);

    private final InetSocketAddress address;
    private final Callable<?> storageCheck;
    private final DebugVars vars;
    private HttpServer server;

    DebugServer(String addr, Callable<?> storageCheck, DebugVars vars) {
        this.address = parse(addr);
        this.storageCheck = storageCheck;
        this.vars = vars;
    }

    /** {@code host:port} or {@code :port} (all interfaces); port 0 picks a free one. */
    static InetSocketAddress parse(String addr) {
        int colon = addr == null ? -1 : addr.lastIndexOf(':');
        try {
            int port = Integer.parseInt(addr.substring(colon + 1));
            String host = addr.substring(0, colon);
            if (colon >= 0 && port >= 0 && port <= 65535) {
                if (host.startsWith("[") && host.endsWith("]")) {
                    host = host.substring(1, host.length() - 1);
                }
                return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
            }
        } catch (RuntimeException e) {
            // fall through
        }
        throw new RegistryStartupException("portus.registry.debug-addr (REGISTRY_HTTP_DEBUG_ADDR) must be host:port, not '"
                + addr + "'", "Set REGISTRY_HTTP_DEBUG_ADDR to e.g. 127.0.0.1:5001, or leave it empty.");
    }

    @Override
    public synchronized void start() {
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new RegistryStartupException("cannot listen on portus.registry.debug-addr (REGISTRY_HTTP_DEBUG_ADDR) "
                    + address + ": " + e.getMessage(), "Choose a free host:port, or leave it empty.");
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/debug/health", this::health);
        server.createContext("/debug/vars", ex -> send(ex, 200, vars.snapshot()));
        server.start();
        log.info("registry debug server on {}", server.getAddress());
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The port actually bound (useful with port 0). */
    synchronized int port() {
        return server == null ? -1 : server.getAddress().getPort();
    }

    private void health(HttpExchange ex) throws IOException {
        try {
            storageCheck.call();
            send(ex, 200, Map.of());
        } catch (Exception e) {
            send(ex, 503, Map.of("storagedriver", e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = Json.bytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }
}
