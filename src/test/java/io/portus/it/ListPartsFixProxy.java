package io.portus.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP forwarder from CNCF distribution 2.8 to S3Proxy that makes S3Proxy's ListParts answers
 * readable by 2.8. S3Proxy 2.6 leaves {@code IsTruncated} out of {@code ListPartsResult}; 2.8's s3 driver
 * dereferences it when it resumes an upload (every PATCH and PUT of a push) and panics. The forwarder passes
 * requests through byte for byte (so SigV4 signatures, which cover the Host header, stay valid) and replaces
 * {@code <StorageClass>STANDARD</StorageClass>} in answers with {@code <IsTruncated>false</IsTruncated>}
 * padded to the same length (so Content-Length and chunk sizes stay right). That element is also in
 * listings, where 2.8 ignores it; blob and manifest bytes never contain it.
 * <p>
 * Self-contained (the S3 benchmark compiles and runs it alone):
 * {@code java ListPartsFixProxy.java <upstream-port>} prints the port it listens on.
 */
public final class ListPartsFixProxy implements AutoCloseable {

    static final byte[] FIND = "<StorageClass>STANDARD</StorageClass>".getBytes(StandardCharsets.US_ASCII);
    static final byte[] REPLACE = "<IsTruncated>false</IsTruncated>     ".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final int upstreamPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    /** Listens on a free loopback port and forwards to {@code 127.0.0.1:upstreamPort}. */
    public ListPartsFixProxy(int upstreamPort) {
        this.upstreamPort = upstreamPort;
        try {
            server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot listen", e);
        }
        Thread.ofPlatform().daemon().name("list-parts-fix").start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort));
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                Thread.ofVirtual().start(() -> pipe(client, upstream));
                Thread.ofVirtual().start(() -> rewrite(upstream, client));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the other side went away
        } finally {
            end(from, to);
        }
    }

    /**
     * Copies answers, replacing {@link #FIND}. A tail that could be the start of a match is held back until
     * more bytes come or none came for 20 ms (then it is sent as it is: no answer waits longer than that).
     */
    private void rewrite(Socket from, Socket to) {
        byte[] buf = new byte[256 * 1024];
        int held = 0;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            while (true) {
                int n;
                try {
                    from.setSoTimeout(held > 0 ? 20 : 0);
                    n = in.read(buf, held, buf.length - held);
                } catch (SocketTimeoutException idle) {
                    out.write(buf, 0, held);
                    out.flush();
                    held = 0;
                    continue;
                }
                if (n < 0) {
                    out.write(buf, 0, held);
                    return;
                }
                int len = held + n;
                replaceAll(buf, len);
                held = partialMatchAtEnd(buf, len);
                out.write(buf, 0, len - held);
                out.flush();
                System.arraycopy(buf, len - held, buf, 0, held);
            }
        } catch (IOException ignored) {
            // the other side went away
        } finally {
            end(from, to);
        }
    }

    static void replaceAll(byte[] buf, int len) {
        for (int i = indexOf(buf, 0, len); i >= 0; i = indexOf(buf, i + FIND.length, len)) {
            System.arraycopy(REPLACE, 0, buf, i, REPLACE.length);
        }
    }

    private static int indexOf(byte[] buf, int from, int len) {
        for (int i = from; i <= len - FIND.length; i++) {
            if (buf[i] == '<' && Arrays.equals(buf, i, i + FIND.length, FIND, 0, FIND.length)) {
                return i;
            }
        }
        return -1;
    }

    /** The length of the longest tail of {@code buf[0, len)} that is a proper prefix of {@link #FIND}. */
    static int partialMatchAtEnd(byte[] buf, int len) {
        for (int k = Math.min(FIND.length - 1, len); k > 0; k--) {
            if (Arrays.equals(buf, len - k, len, FIND, 0, k)) {
                return k;
            }
        }
        return 0;
    }

    private void end(Socket a, Socket b) {
        for (Socket s : new Socket[] {a, b}) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            sockets.remove(s);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sockets.forEach(s -> end(s, s));
    }

    /** {@code java ListPartsFixProxy.java UPSTREAM_PORT}: forwards until killed; prints its port. */
    public static void main(String[] args) throws InterruptedException {
        ListPartsFixProxy proxy = new ListPartsFixProxy(Integer.parseInt(args[0]));
        System.out.println(proxy.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
