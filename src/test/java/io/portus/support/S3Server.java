package io.portus.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for tests: S3Proxy ({@code org.gaul:s3proxy}, jar-with-dependencies, copied to
 * {@code target/s3proxy/s3proxy.jar} by the build) with its filesystem backend under
 * {@code target/s3proxy-data/}, SigV4 with fixed keys, on a free loopback port. One process per JVM,
 * started on first use and killed by a shutdown hook. Its environment has no {@code AWS_*} variables.
 *
 * <p>S3Proxy's filesystem backend lists directories as keys ending in '/', and a multi-object delete
 * naming such a key before the keys inside it stalls ~30 s: drivers must skip and order them.
 * distribution 2.8's s3 driver does not, on every blob push; so the integration tests (failsafe sets
 * {@code portus.test.s3proxy.provider}) run S3Proxy's {@code filesystem-nio2} backend, which has no
 * directory keys (same layout: bucket = directory, key = file below it).
 */
public final class S3Server {

    public static final String ACCESS_KEY = "portus-test-access";
    public static final String SECRET_KEY = "portus-test-secret-key-0123456789";
    public static final String REGION = "us-east-1";

    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static volatile S3Server shared;

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final Path logFile;

    private S3Server(Process process, int port, Path dataDir, Path logFile) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.logFile = logFile;
    }

    /** The JVM's S3 server, started on first call. */
    public static S3Server shared() {
        S3Server s = shared;
        if (s == null) {
            synchronized (S3Server.class) {
                s = shared;
                if (s == null) {
                    s = start();
                    shared = s;
                }
            }
        }
        return s;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public String accessKey() {
        return ACCESS_KEY;
    }

    public String secretKey() {
        return SECRET_KEY;
    }

    public String region() {
        return REGION;
    }

    /** S3Proxy's data: one directory per bucket, objects as files below it. */
    public Path dataDir() {
        return dataDir;
    }

    /** A new, empty bucket named after {@code owner} (lower case, unique in this JVM). */
    public String newBucket(String owner) {
        String base = owner.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        String name = (base.isEmpty() ? "b" : base) + "-" + ProcessHandle.current().pid() + "-" + BUCKETS.incrementAndGet();
        if (name.length() > 63) {
            name = name.substring(name.length() - 63).replaceAll("^-+", "");
        }
        try (S3Client client = client()) {
            String bucket = name;
            client.createBucket(b -> b.bucket(bucket));
        }
        return name;
    }

    /** A new bucket for a test class. */
    public String newBucket(Class<?> owner) {
        return newBucket(owner.getSimpleName());
    }

    /** A client of this server (path style, SigV4); close it. */
    public S3Client client() {
        return S3Client.builder()
                .endpointOverride(endpoint())
                .region(Region.of(REGION))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(ApacheHttpClient.builder())
                // S3Proxy, like many S3-compatible servers, refuses the SDK's default aws-chunked CRC trailers
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .addPlugin(LegacyMd5Plugin.create())
                .build();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** The server's log (target/s3proxy-data/s3proxy-&lt;pid&gt;.log). */
    public Path logFile() {
        return logFile;
    }

    private static S3Server start() {
        Path jar = jar();
        Path base = target().resolve("s3proxy-data");
        long pid = ProcessHandle.current().pid();
        Path dataDir = base.resolve("data-" + pid + "-" + System.currentTimeMillis());
        Path logFile = base.resolve("s3proxy-" + pid + ".log");
        int port = freePort();
        try {
            Files.createDirectories(dataDir);
            Path props = base.resolve("s3proxy-" + pid + ".properties");
            Files.writeString(props, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=" + System.getProperty("portus.test.s3proxy.provider", "filesystem"),
                    "jclouds.identity=" + ACCESS_KEY,
                    "jclouds.credential=" + SECRET_KEY,
                    "jclouds.filesystem.basedir=" + dataDir.toAbsolutePath(),
                    // the SDK sends x-amz-checksum-crc32 where S3 requires a checksum (DeleteObjects)
                    "s3proxy.ignore-unknown-headers=true",
                    ""), StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-Xmx512m", "-jar", jar.toString(),
                    "--properties", props.toString())
                    .redirectErrorStream(true).redirectOutput(logFile.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("JAVA_TOOL_OPTIONS"));
            Process process = pb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "s3proxy-stop"));
            awaitPort(process, port, logFile);
            return new S3Server(process, port, dataDir, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start S3Proxy from " + jar, e);
        }
    }

    private static void awaitPort(Process process, int port, Path logFile) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with " + process.exitValue() + "; log " + logFile
                        + ":\n" + Files.readString(logFile));
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while S3Proxy started", e);
                }
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("S3Proxy did not listen on " + port + " within 60 s; log " + logFile);
    }

    /** {@code portus.test.s3proxy} (set by surefire and failsafe), else {@code target/s3proxy/s3proxy.jar}. */
    static Path jar() {
        List<Path> candidates = List.of(
                Path.of(System.getProperty("portus.test.s3proxy", "target/s3proxy/s3proxy.jar")),
                Path.of("target/s3proxy/s3proxy.jar"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath();
            }
        }
        throw new IllegalStateException("S3Proxy jar not found at " + candidates
                + ": run the tests through Maven (its dependency plugin copies it there)");
    }

    private static Path target() {
        Path jar = Path.of(System.getProperty("portus.test.s3proxy", "target/s3proxy/s3proxy.jar")).toAbsolutePath();
        return jar.getParent().getParent();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
