package io.portus.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP forwarder that can be cut ({@link #close()}: the port stops listening and every open
 * connection is dropped) and restored on the same port ({@link #open()}): a database or registry that
 * becomes unreachable for a while.
 */
final class TcpProxy implements AutoCloseable {

    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    TcpProxy(String targetHost, int targetPort) {
        this.port = FreePorts.next();
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        open();
    }

    int port() {
        return port;
    }

    synchronized void open() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = s;
            Thread.ofVirtual().start(() -> accept(s));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot listen on " + port, e);
        }
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the other side went away
        } finally {
            quietly(from);
            quietly(to);
        }
    }

    /** Stops listening and drops every connection. */
    @Override
    public synchronized void close() {
        if (server != null) {
            quietly(server);
            server = null;
        }
        sockets.forEach(TcpProxy::quietly);
        sockets.clear();
    }

    private static void quietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
