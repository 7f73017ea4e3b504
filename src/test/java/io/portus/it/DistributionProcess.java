package io.portus.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.portus.support.S3Server;

/**
 * The reference registry, CNCF distribution 2.8 (Debian {@code docker-registry}), as a process on a free
 * loopback port with a generated {@code config.yml}: filesystem storage on a given directory (or its s3
 * driver on a bucket of {@link S3Server}), delete enabled, info log with access log; optionally token auth,
 * a notifications endpoint and TLS.
 * <pre>{@code
 * try (DistributionProcess dist = DistributionProcess.builder("ref", storageDir).start()) { ... }
 * }</pre>
 */
public final class DistributionProcess extends ServerProcess implements RegistryServer {

    static final Path BINARY = Path.of("/usr/bin/docker-registry");

    private final Path storageRoot;
    private final Path configFile;
    private final ListPartsFixProxy s3Fix;

    private DistributionProcess(Builder b) {
        this(b, FreePorts.next(), ItPaths.newWorkDir(b.name));
    }

    private DistributionProcess(Builder b, int port, Path work) {
        super(b.name, List.of(executable().toString(), "serve", writeConfig(work, b, port).toString()), Map.of(),
                work, port, b.tlsCert != null, b.startTimeout);
        this.storageRoot = b.s3 != null ? b.s3.objectsDir() : b.storageRoot;
        this.configFile = work.resolve("config.yml");
        this.s3Fix = b.s3Fix;
    }

    /** A distribution 2.8 on {@code storageRoot} (the directory that holds {@code docker/registry/v2}). */
    public static Builder builder(String name, Path storageRoot) {
        return new Builder(name, storageRoot);
    }

    private static Path executable() {
        return Files.isExecutable(BINARY) ? BINARY : Tools.require("docker-registry", "docker-registry");
    }

    private static Path writeConfig(Path work, Builder b, int port) {
        Path file = work.resolve("config.yml");
        try {
            Files.writeString(file, config(b, port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static String config(Builder b, int port) {
        StringBuilder y = new StringBuilder();
        y.append("version: 0.1\n");
        y.append("log:\n  level: ").append(b.logLevel).append("\n  fields: {service: registry}\n");
        if (!b.accessLog) {
            y.append("  accesslog: {disabled: true}\n");
        }
        y.append("storage:\n  cache: {blobdescriptor: inmemory}\n");
        if (b.s3 != null) {
            b.s3.appendConfig(y, b.s3Fix.port());
        } else {
            y.append("  filesystem: {rootdirectory: ").append(q(ItPaths.mkdirs(b.storageRoot))).append("}\n");
        }
        y.append("  delete: {enabled: ").append(b.deleteEnabled).append("}\n");
        y.append("http:\n  addr: \"127.0.0.1:").append(port).append("\"\n");
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        y.append("  secret: \"").append(HexFormat.of().formatHex(secret)).append("\"\n");
        y.append("  headers: {X-Content-Type-Options: [nosniff]}\n");
        if (b.tlsCert != null) {
            y.append("  tls: {certificate: ").append(q(b.tlsCert)).append(", key: ").append(q(b.tlsKey)).append("}\n");
        }
        if (b.tokenRealm != null) {
            y.append("auth:\n  token:\n");
            y.append("    realm: ").append(q(b.tokenRealm)).append('\n');
            y.append("    service: ").append(q(b.tokenService != null ? b.tokenService : "127.0.0.1:" + port)).append('\n');
            y.append("    issuer: ").append(q(b.tokenIssuer)).append('\n');
            y.append("    rootcertbundle: ").append(q(b.tokenRootCertBundle)).append('\n');
        }
        if (b.notifyUrl != null) {
            y.append("notifications:\n  endpoints:\n    - name: listener\n");
            y.append("      url: ").append(q(b.notifyUrl)).append('\n');
            y.append("      timeout: 2s\n      threshold: 5\n      backoff: 1s\n");
            if (!b.notifyHeaders.isEmpty()) {
                y.append("      headers:\n");
                b.notifyHeaders.forEach((k, v) -> y.append("        ").append(q(k)).append(": [").append(q(v)).append("]\n"));
            }
        }
        return y.toString();
    }

    static String q(Object value) {
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * The storage root: the filesystem directory, or with {@link Builder#s3} S3Proxy's directory of
     * {@code <bucket>/<rootdirectory>} (S3Proxy keeps objects as files, so the keys can be read there).
     */
    @Override
    public Path storageRoot() {
        return storageRoot;
    }

    @Override
    public void close() {
        super.close();
        if (s3Fix != null) {
            s3Fix.close();
        }
    }

    public Path configFile() {
        return configFile;
    }

    /**
     * {@code docker-registry garbage-collect [flags] <config>} on this registry's storage (e.g. {@code --dry-run});
     * returns its output, fails on a non-zero exit.
     */
    public String garbageCollect(String... flags) {
        List<String> cmd = new ArrayList<>(List.of(executable().toString(), "garbage-collect"));
        cmd.addAll(List.of(flags));
        cmd.add(configFile.toString());
        return Tools.run(configFile.getParent(), cmd);
    }

    @Override
    public String toString() {
        return "distribution 2.8 at " + baseUri() + " (storage " + storageRoot + ", log " + logFile() + ")";
    }

    /** Settings for one distribution process. */
    public static final class Builder {
        private final String name;
        private final Path storageRoot;
        private final Map<String, String> notifyHeaders = new LinkedHashMap<>();
        private String logLevel = "info";
        private boolean accessLog = true;
        private boolean deleteEnabled = true;
        private Path tlsCert;
        private Path tlsKey;
        private String tokenRealm;
        private String tokenService;
        private String tokenIssuer;
        private Path tokenRootCertBundle;
        private String notifyUrl;
        private Duration startTimeout = Duration.ofSeconds(30);
        private S3Storage s3;
        private ListPartsFixProxy s3Fix;

        private Builder(String name, Path storageRoot) {
            this.name = name;
            this.storageRoot = storageRoot;
        }

        /**
         * Docker token auth: the registry sends clients to {@code realm} and trusts tokens signed by the bundle's
         * certs; a null {@code service} means its own {@code 127.0.0.1:<port>} (as the classic setup names it).
         */
        public Builder tokenAuth(String realm, String service, String issuer, Path rootCertBundle) {
            this.tokenRealm = realm;
            this.tokenService = service;
            this.tokenIssuer = issuer;
            this.tokenRootCertBundle = rootCertBundle;
            return this;
        }

        /** A notifications endpoint (distribution webhooks), with optional extra headers. */
        public Builder notifications(String url, Map<String, String> headers) {
            this.notifyUrl = url;
            this.notifyHeaders.putAll(headers);
            return this;
        }

        /** HTTPS with this PEM certificate and key. */
        public Builder tls(Path certificate, Path key) {
            this.tlsCert = certificate;
            this.tlsKey = key;
            return this;
        }

        /** {@code warn} and no access log instead of the default info + access log. */
        public Builder quiet() {
            this.logLevel = "warn";
            this.accessLog = false;
            return this;
        }

        /**
         * Its s3 driver instead of the filesystem: {@code bucket} of the shared S3Proxy under {@code rootDirectory}
         * (may be empty), through a {@link ListPartsFixProxy}; {@code redirect} false sets
         * {@code storage.redirect.disable} (2.8's default is to redirect blob GETs to presigned URLs).
         */
        public Builder s3(S3Server server, String bucket, String rootDirectory, boolean redirect) {
            this.s3 = new S3Storage(server, bucket, rootDirectory, redirect);
            return this;
        }

        public Builder deleteEnabled(boolean enabled) {
            this.deleteEnabled = enabled;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** Starts it and waits until {@code GET /v2/} answers 200 or 401. */
        public DistributionProcess start() {
            if (s3 != null) {
                s3Fix = new ListPartsFixProxy(s3.server().port());
            }
            DistributionProcess d = new DistributionProcess(this);
            try {
                d.start();
            } catch (RuntimeException | AssertionError e) {
                d.close();
                throw e;
            }
            return d;
        }
    }
}
