package io.portus.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code target/portus.jar} as a real process, run by the JVM of the test, on a free loopback port, with
 * {@code PORTUS_DATA_DIR} in a fresh directory and {@code PORTUS_REGISTRY_AUTH=none} unless told otherwise.
 * <pre>{@code
 * try (PortusProcess portus = PortusProcess.builder("mytest").start()) {
 *     skopeo.copy(images.oci("busybox"), "docker://" + portus.hostPort() + "/a/b:1");
 *     portus.kill9();
 *     portus.restart();   // same port, same data dir
 * }
 * }</pre>
 */
public final class PortusProcess extends ServerProcess implements RegistryServer {

    private final Path dataDir;
    private final Path storageRoot;

    private PortusProcess(Builder b) {
        this(b, FreePorts.next(), b.dataDir != null ? b.dataDir : ItPaths.newWorkDir(b.name).resolve("data"));
    }

    private PortusProcess(Builder b, int port, Path dataDir) {
        super(b.name, command(b), env(b, port, ItPaths.mkdirs(dataDir)), dataDir.getParent(), port, false,
                b.startTimeout);
        this.dataDir = dataDir;
        this.storageRoot = b.s3 != null ? b.s3.objectsDir()
                : b.storageRoot != null ? b.storageRoot : dataDir.resolve("registry");
    }

    private static Map<String, String> env(Builder b, int port, Path dataDir) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("PORTUS_DATA_DIR", dataDir.toString());
        env.put("PORTUS_REGISTRY_AUTH", b.auth);
        if (b.storageRoot != null) {
            env.put("REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY", b.storageRoot.toString());
        }
        if (b.s3 != null) {
            env.put("REGISTRY_STORAGE", "s3");
            env.put("REGISTRY_STORAGE_S3_REGIONENDPOINT", b.s3.server().endpoint().toString());
            env.put("REGISTRY_STORAGE_S3_REGION", b.s3.server().region());
            env.put("REGISTRY_STORAGE_S3_ACCESSKEY", b.s3.server().accessKey());
            env.put("REGISTRY_STORAGE_S3_SECRETKEY", b.s3.server().secretKey());
            env.put("REGISTRY_STORAGE_S3_BUCKET", b.s3.bucket());
            env.put("REGISTRY_STORAGE_S3_ROOTDIRECTORY", b.s3.rootDirectory());
            env.put("REGISTRY_STORAGE_REDIRECT_DISABLE", Boolean.toString(!b.s3.redirect()));
        }
        env.putAll(b.env);
        return env;
    }

    private static List<String> command(Builder b) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(b.jvmArgs);
        cmd.add("-jar");
        cmd.add(jar().toString());
        return cmd;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Starts a jar with the defaults (auth none, fresh data dir). */
    public static PortusProcess start(String name) {
        return builder(name).start();
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public Path storageRoot() {
        return storageRoot;
    }

    @Override
    public String toString() {
        return "portus.jar at " + baseUri() + " (data " + dataDir + ", log " + logFile() + ")";
    }

    private static Path jar() {
        Path jar = ItPaths.jar();
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar + " does not exist: integration tests run after `mvn package` "
                    + "(use `mvn verify` or ./portus test)");
        }
        return jar;
    }

    /** The java of this test JVM (failsafe runs it with the JDK 21+ the build uses). */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Settings for one jar process. */
    public static final class Builder {
        private final String name;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> jvmArgs = new ArrayList<>(List.of("-Xmx768m", "-XX:+UseSerialGC"));
        private Path dataDir;
        private Path storageRoot;
        private S3Storage s3;
        private String auth = "none";
        private Duration startTimeout = Duration.ofSeconds(90);

        private Builder(String name) {
            this.name = name;
        }

        /** {@code PORTUS_DATA_DIR} (default: a fresh directory under target/it-work). */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** {@code REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY} (default: {@code <data dir>/registry}). */
        public Builder storageRoot(Path dir) {
            this.storageRoot = dir;
            return this;
        }

        /**
         * S3 storage ({@code REGISTRY_STORAGE=s3}): {@code bucket} of the shared S3Proxy under {@code rootDirectory}
         * (may be empty); {@code redirect} false sets {@code REGISTRY_STORAGE_REDIRECT_DISABLE=true}.
         */
        public Builder s3(io.portus.support.S3Server server, String bucket, String rootDirectory, boolean redirect) {
            this.s3 = new S3Storage(server, bucket, rootDirectory, redirect);
            return this;
        }

        /** {@code PORTUS_REGISTRY_AUTH}: {@code none} (default here) or {@code token}. */
        public Builder auth(String auth) {
            this.auth = auth;
            return this;
        }

        /** Any other environment variable. */
        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        public Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** Starts the process and waits until {@code GET /v2/} answers 200 or 401. */
        public PortusProcess start() {
            PortusProcess p = new PortusProcess(this);
            p.start();
            return p;
        }
    }
}
