package io.portus.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference registry, CNCF distribution 2.8 (Debian {@code docker-registry}), as a process on a free
 * loopback port with a generated {@code config.yml}: filesystem storage on a given directory, delete
 * enabled, info log with access log; optionally token auth, a notifications endpoint and TLS.
 * <pre>{@code
 * try (DistributionProcess dist = DistributionProcess.builder("ref", storageDir).start()) { ... }
 * }</pre>
 */
public final class DistributionProcess implements RegistryServer {

    static final Path BINARY = Path.of("/usr/bin/docker-registry");

    private final int port;
    private final Path storageRoot;
    private final boolean tls;
    private final Path configFile;
    private final ServerProcess process;

    private DistributionProcess(Builder b) {
        Path exe = Files.isExecutable(BINARY) ? BINARY : Tools.require("docker-registry", "docker-registry");
        this.port = FreePorts.next();
        this.storageRoot = ItPaths.mkdirs(b.storageRoot);
        this.tls = b.tlsCert != null;
        Path work = ItPaths.newWorkDir(b.name);
        this.configFile = work.resolve("config.yml");
        try {
            Files.writeString(configFile, config(b));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.process = new ServerProcess(b.name, List.of(exe.toString(), "serve", configFile.toString()),
                Map.of(), work, URI.create(baseUri() + "/v2/"), tls, b.startTimeout);
    }

    /** A distribution 2.8 on {@code storageRoot} (the directory that holds {@code docker/registry/v2}). */
    public static Builder builder(String name, Path storageRoot) {
        return new Builder(name, storageRoot);
    }

    private String config(Builder b) {
        StringBuilder y = new StringBuilder();
        y.append("version: 0.1\n");
        y.append("log:\n  level: ").append(b.logLevel).append("\n  fields: {service: registry}\n");
        if (!b.accessLog) {
            y.append("  accesslog: {disabled: true}\n");
        }
        y.append("storage:\n  cache: {blobdescriptor: inmemory}\n");
        y.append("  filesystem: {rootdirectory: ").append(q(storageRoot)).append("}\n");
        y.append("  delete: {enabled: ").append(b.deleteEnabled).append("}\n");
        y.append("http:\n  addr: \"127.0.0.1:").append(port).append("\"\n");
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        y.append("  secret: \"").append(HexFormat.of().formatHex(secret)).append("\"\n");
        y.append("  headers: {X-Content-Type-Options: [nosniff]}\n");
        if (tls) {
            y.append("  tls: {certificate: ").append(q(b.tlsCert)).append(", key: ").append(q(b.tlsKey)).append("}\n");
        }
        if (b.tokenRealm != null) {
            y.append("auth:\n  token:\n");
            y.append("    realm: ").append(q(b.tokenRealm)).append('\n');
            y.append("    service: ").append(q(b.tokenService != null ? b.tokenService : hostPort())).append('\n');
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

    private static String q(Object value) {
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    @Override
    public URI baseUri() {
        return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    @Override
    public Path storageRoot() {
        return storageRoot;
    }

    public Path configFile() {
        return configFile;
    }

    public Path logFile() {
        return process.logFile();
    }

    @Override
    public void restart() {
        process.start();
    }

    @Override
    public void stop() {
        process.stop();
    }

    @Override
    public void kill9() {
        process.kill9();
    }

    @Override
    public boolean isRunning() {
        return process.isRunning();
    }

    @Override
    public String logTail(int lines) {
        return process.logTail(lines);
    }

    @Override
    public void close() {
        process.stop();
    }

    @Override
    public String toString() {
        return "distribution 2.8 at " + baseUri() + " (storage " + storageRoot + ", log " + process.logFile() + ")";
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
            DistributionProcess d = new DistributionProcess(this);
            d.process.start();
            return d;
        }
    }
}
