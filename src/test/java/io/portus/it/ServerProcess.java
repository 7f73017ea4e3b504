package io.portus.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One server started as an operating-system process on a loopback port: output to a log file under
 * target/it-logs, ready when {@code GET /v2/} answers 200 or 401, SIGTERM/SIGKILL, restart with the same
 * command, environment and port. Every started process is also killed by a JVM shutdown hook, so a failed
 * or aborted test run leaves nothing behind. {@link PortusProcess} and {@link DistributionProcess} are
 * this plus what they configure; the classic deployment test uses it as it is.
 */
public class ServerProcess implements AutoCloseable {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly)));
    }

    /**
     * Environment variables of the test JVM that must not leak into a server under test ({@code AWS_*}: servers
     * that are S3 clients get their keys from the test; distribution 2.8 panics on {@code AWS_CA_BUNDLE}).
     */
    private static final List<String> SCRUBBED_PREFIXES = List.of("PORTUS_", "REGISTRY_", "SERVER_", "PUMA_", "SPRING_",
            "MARIADB_", "ENDPOINT_", "AWS_", "JAVA_TOOL_OPTIONS", "LOGGING_");

    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path workDir;
    private final int port;
    private final boolean tls;
    private final Duration startTimeout;
    private Process process;
    private Path logFile;
    private int starts;

    /** Not started yet: {@code command} must make the server listen on {@code 127.0.0.1:port}, HTTPS when {@code tls}. */
    ServerProcess(String name, List<String> command, Map<String, String> env, Path workDir, int port,
            boolean tls, Duration startTimeout) {
        this.name = name;
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.workDir = workDir;
        this.port = port;
        this.tls = tls;
        this.startTimeout = startTimeout;
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:<port>}, as skopeo wants it in {@code docker://HOST:PORT/repo:tag}. */
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    /** {@code http(s)://127.0.0.1:<port>}. */
    public URI baseUri() {
        return URI.create((tls ? "https" : "http") + "://" + hostPort());
    }

    /** Starts the process and waits until it serves {@code /v2/}; on failure it is killed and the log tail reported. */
    synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException(name + " is already running");
        }
        starts++;
        logFile = ItPaths.logDir().resolve(name + "-" + ProcessHandle.current().pid() + "-" + starts + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(logFile.toFile());
        pb.environment().keySet().removeIf(k -> SCRUBBED_PREFIXES.stream().anyMatch(k::startsWith));
        pb.environment().putAll(env);
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
        LIVE.add(process);
        awaitReady();
    }

    /** Starts it again after {@link #stop()} or {@link #kill9()}: same port, same command and environment. */
    public void restart() {
        start();
    }

    /** The path polled until it answers 200 or 401 ({@code /v2/} for registries; other servers override it). */
    protected String readyPath() {
        return "/v2/";
    }

    private void awaitReady() {
        URI readyUri = baseUri().resolve(readyPath());
        long deadline = System.nanoTime() + startTimeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                LIVE.remove(process);
                throw new AssertionError(name + " exited with code " + process.exitValue()
                        + " before serving " + readyPath() + "; log " + logFile + ":\n" + logTail(40));
            }
            try {
                HttpResponse<Void> r = Http.client(tls).send(HttpRequest.newBuilder(readyUri)
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200 || r.statusCode() == 401) {
                    return;
                }
                last = "HTTP " + r.statusCode();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(100);
        }
        kill9();
        throw new AssertionError(name + " did not serve " + readyUri + " (200 or 401) within " + startTimeout
                + " (last: " + last + "); log " + logFile + ":\n" + logTail(40));
    }

    /** SIGTERM and wait (up to 30 s, then SIGKILL). */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LIVE.remove(process);
    }

    /** SIGKILL (kill -9): no shutdown hooks, no flushing; waits until the process is gone. */
    public synchronized void kill9() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LIVE.remove(process);
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** The log of the current (or last) run, or null before the first start. */
    public synchronized Path logFile() {
        return logFile;
    }

    /** The last {@code lines} lines of the current log file. */
    public synchronized String logTail(int lines) {
        if (logFile == null || !Files.exists(logFile)) {
            return "(no log)";
        }
        try {
            List<String> all = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size())));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Stops it if running (never throws). */
    @Override
    public void close() {
        stop();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
