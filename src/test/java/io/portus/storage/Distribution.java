package io.portus.storage;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference registry (Debian's {@code docker-registry} = CNCF distribution 2.8) on a free loopback
 * port with filesystem storage at a given root, plus the skopeo runner the interop tests use.
 */
final class Distribution implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path log;
    private final Path config;
    final int port;

    private Distribution(Process process, Path log, Path config, int port) {
        this.process = process;
        this.log = log;
        this.config = config;
        this.port = port;
    }

    /** True when {@code command} is an executable on the PATH. */
    static boolean installed(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    static Distribution start(Path workDir, Path storageRoot) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path config = workDir.resolve("config.yml");
        Files.writeString(config, String.join("\n",
                "version: 0.1",
                "log: {level: warn, accesslog: {disabled: true}}",
                "storage:",
                "  filesystem: {rootdirectory: \"" + storageRoot.toAbsolutePath() + "\"}",
                "  delete: {enabled: true}",
                "http:",
                "  addr: \"127.0.0.1:" + port + "\"",
                "  secret: \"interop-test-secret\"",
                ""));
        Path log = workDir.resolve("registry.log");
        Process p = new ProcessBuilder("docker-registry", "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Distribution d = new Distribution(p, log, config, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("docker-registry exited: " + Files.readString(log));
            }
            try {
                if (d.get("/v2/", "*/*").statusCode() == 200) {
                    return d;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        d.close();
        throw new IllegalStateException("docker-registry did not answer on port " + port + ": " + Files.readString(log));
    }

    String host() {
        return "127.0.0.1:" + port;
    }

    Path config() {
        return config;
    }

    HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + host() + path)).header("Accept", accept)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Runs a command (skopeo, docker-registry garbage-collect) and returns its output; fails on a non-zero exit. */
    static String run(Path workDir, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Path out = Files.createTempFile(workDir, "cmd", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + cmd);
        }
        String output = Files.readString(out);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(cmd + " exited " + p.exitValue() + ":\n" + output);
        }
        return output;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return "distribution at " + host() + " (log " + log + ")";
    }
}
