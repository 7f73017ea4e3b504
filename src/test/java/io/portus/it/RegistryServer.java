package io.portus.it;

import java.net.URI;
import java.nio.file.Path;

/** A registry running as a process for a test: ours ({@link PortusProcess}) or the reference ({@link DistributionProcess}). */
public interface RegistryServer extends AutoCloseable {

    /** {@code 127.0.0.1:<port>}, as skopeo wants it in {@code docker://HOST:PORT/repo:tag}. */
    String hostPort();

    /** {@code http(s)://127.0.0.1:<port>}. */
    URI baseUri();

    /** The filesystem storage root (holds {@code docker/registry/v2/...}). */
    Path storageRoot();

    /** Starts it again after {@link #stop()} or {@link #kill9()}: same port, same data, same settings. */
    void restart();

    /** Graceful stop (SIGTERM), waits for the exit. */
    void stop();

    /** kill -9, waits for the exit. */
    void kill9();

    boolean isRunning();

    /** The last lines of the server's log, for failure messages. */
    String logTail(int lines);

    /** Stops it if running (never throws). */
    @Override
    void close();
}
