package io.portus.it;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The classic deployment the external-registry ITs start: our jar (with a fresh self-signed signing key) and a
 * distribution 2.8 trusting its tokens and sending its notifications to {@code /v2/webhooks/events} with
 * {@code secret}; the first admin bootstrapped, the registry registered as {@code dist}, and skopeo with the admin's
 * credentials. {@code settings} adds the test's own variables to the jar.
 */
record TokenAuthPair(PortusProcess portus, DistributionProcess dist, CatalogApi api, Skopeo skopeo) implements AutoCloseable {

    static TokenAuthPair start(Path work, String name, String adminPassword, String secret,
                               UnaryOperator<PortusProcess.Builder> settings) throws Exception {
        Path key = work.resolve("key.pem");
        Path cert = work.resolve("cert.pem");
        ClassicSetup.run(List.of("openssl", "req", "-x509", "-nodes", "-newkey", "rsa:2048", "-days", "2", "-subj",
                "/CN=localhost", "-keyout", key.toString(), "-out", cert.toString()));
        PortusProcess portus = settings.apply(PortusProcess.builder(name + "-portus"))
                .env("PORTUS_MACHINE_FQDN", "127.0.0.1")
                .env("PORTUS_ENCRYPTION_PRIVATE_KEY_PATH", key.toString())
                .env("PORTUS_ENCRYPTION_CERTIFICATE_PATH", cert.toString())
                .env("PORTUS_WEBHOOKS_SECRET", secret)
                .env("PORTUS_CATALOG_SYNC_INTERVAL", "0s")
                .start();
        try {
            CatalogApi api = new CatalogApi(portus.baseUri().toString());
            api.bootstrap("admin", adminPassword);
            DistributionProcess dist = DistributionProcess.builder(name + "-dist", work.resolve("registry"))
                    .tokenAuth(portus.baseUri() + "/v2/token", null, "127.0.0.1", cert)
                    .notifications(portus.baseUri() + "/v2/webhooks/events", Map.of("Authorization", "Bearer " + secret))
                    .start();
            api.registerRegistry("dist", dist.hostPort());
            return new TokenAuthPair(portus, dist, api, new Skopeo(work.resolve("skopeo")).withCreds("admin:" + adminPassword));
        } catch (Exception | AssertionError e) {
            portus.close();
            throw e;
        }
    }

    /** Stops distribution, then the jar. */
    @Override
    public void close() {
        dist.close();
        portus.close();
    }
}
