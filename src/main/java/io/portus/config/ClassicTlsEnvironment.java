package io.portus.config;

import io.portus.auth.token.SelfSignedCertificate;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * HTTPS as the classic Portus image starts it: {@code PUMA_SSL_KEY} + {@code PUMA_SSL_CRT}
 * ({@code portus.tls.key}/{@code portus.tls.certificate}) serve HTTPS with that PEM pair; with
 * {@code portus.tls.generate=true} ({@code PORTUS_TLS_GENERATE}) and no pair given, the self-signed
 * certificate under {@code ${portus.data-dir}/tls} (made on first start) is used. Either becomes the Spring
 * Boot SSL bundle {@code portus} of the web server, and (unless {@code portus.tls.trust-own-certificate=false})
 * is trusted by Portus's own outgoing HTTPS calls, as the classic image's {@code update-ca-certificates}
 * did. Explicit {@code server.ssl.*} settings win.
 */
final class ClassicTlsEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String BUNDLE = "portus";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (has(environment, "server.ssl.bundle") || has(environment, "server.ssl.certificate")
                || has(environment, "server.ssl.key-store")) {
            return;
        }
        String key = environment.getProperty("portus.tls.key", "");
        String certificate = environment.getProperty("portus.tls.certificate", "");
        if (key.isBlank() != certificate.isBlank()) {
            throw new IllegalStateException("PUMA_SSL_KEY and PUMA_SSL_CRT (portus.tls.key, portus.tls.certificate) "
                    + "must be set together: only " + (key.isBlank() ? "PUMA_SSL_CRT" : "PUMA_SSL_KEY") + " is set");
        }
        if (key.isBlank()) {
            if (!environment.getProperty("portus.tls.generate", Boolean.class, false)) {
                return;
            }
            var generated = SelfSignedCertificate.ensure(Path.of(environment.getProperty("portus.data-dir", "./data"), "tls"));
            key = generated.key().toString();
            certificate = generated.certificate().toString();
        }
        readable(key, "PUMA_SSL_KEY (portus.tls.key)");
        readable(certificate, "PUMA_SSL_CRT (portus.tls.certificate)");
        if (environment.getProperty("portus.tls.trust-own-certificate", Boolean.class, true)) {
            OwnCertificateTrust.install(Path.of(certificate), "PUMA_SSL_CRT (portus.tls.certificate)");
        }
        Map<String, Object> ssl = new HashMap<>();
        ssl.put("spring.ssl.bundle.pem." + BUNDLE + ".keystore.certificate", "file:" + Path.of(certificate).toAbsolutePath());
        ssl.put("spring.ssl.bundle.pem." + BUNDLE + ".keystore.private-key", "file:" + Path.of(key).toAbsolutePath());
        ssl.put("server.ssl.bundle", BUNDLE);
        ssl.put("portus.tls.active-certificate", Path.of(certificate).toAbsolutePath().toString());
        environment.getPropertySources().addFirst(new MapPropertySource("portusClassicTls", ssl));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static boolean has(ConfigurableEnvironment environment, String name) {
        String value = environment.getProperty(name);
        return value != null && !value.isBlank();
    }

    private static void readable(String file, String setting) {
        if (!Files.isReadable(Path.of(file))) {
            throw new IllegalStateException(setting + ": " + file + " does not exist or cannot be read");
        }
    }
}
