package io.portus.auth.token;

import io.portus.common.PortusProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the token signing key: {@code PORTUS_ENCRYPTION_PRIVATE_KEY_PATH} (with its certificate from
 * {@code portus.token.certificate-path}, {@code PUMA_SSL_CRT} or a file beside the key), else the HTTPS
 * pair {@code PUMA_SSL_KEY}/{@code PUMA_SSL_CRT}, else the generated self-signed pair under the data
 * directory.
 */
final class SigningKeyLoader {

    /**
     * @param keyPath     the configured signing key (blank = none)
     * @param certPath    its certificate (blank = look for one)
     * @param tlsKey      {@code PUMA_SSL_KEY} (blank = none)
     * @param tlsCert     {@code PUMA_SSL_CRT} (blank = none)
     * @param generateDir where the self-signed pair lives when nothing is configured
     */
    record Sources(String keyPath, String certPath, String tlsKey, String tlsCert, Path generateDir) {

        /** The sources the server's {@link TokenConfiguration} uses, bound from {@code environment} the same way. */
        static Sources of(Environment environment) {
            Binder binder = Binder.get(environment);
            TokenProperties token = binder.bindOrCreate("portus.token", TokenProperties.class);
            TlsProperties tls = binder.bindOrCreate("portus.tls", TlsProperties.class);
            PortusProperties portus = binder.bindOrCreate("portus", PortusProperties.class);
            return new Sources(token.keyPath(), token.certificatePath(), tls.key(), tls.certificate(),
                    Path.of(portus.dataDir(), "tls"));
        }

        /** Whether tokens are signed with the HTTPS pair ({@code PUMA_SSL_KEY}/{@code PUMA_SSL_CRT}, no key of their own). */
        boolean httpsPair() {
            return !present(keyPath) && present(tlsKey) && present(tlsCert);
        }

        /** Whether the key is the self-signed pair under {@link #generateDir} (nothing else configured). */
        boolean generated() {
            return !present(keyPath) && !httpsPair();
        }
    }

    private SigningKeyLoader() {
    }

    static SigningKey load(Sources sources) {
        if (present(sources.keyPath())) {
            Path key = Path.of(sources.keyPath());
            requireFile(key, "portus.token.key-path (PORTUS_ENCRYPTION_PRIVATE_KEY_PATH)");
            KeyPair keys = Pem.readKeyPair(key);
            if (present(sources.certPath())) {
                Path cert = Path.of(sources.certPath());
                requireFile(cert, "portus.token.certificate-path");
                List<X509Certificate> chain = chainFor(keys, cert);
                if (chain.isEmpty()) {
                    throw new KeyMaterialException(cert + " (portus.token.certificate-path) does not hold the public key of " + key);
                }
                return SigningKey.of(keys, chain, key + " with certificate " + cert, cert);
            }
            for (Path candidate : candidates(key, sources.tlsCert())) {
                List<X509Certificate> chain = chainForOrEmpty(keys, candidate);
                if (!chain.isEmpty()) {
                    return SigningKey.of(keys, chain, key + " with certificate " + candidate, candidate);
                }
            }
            return SigningKey.of(keys, List.of(), key + " (no certificate found: tokens carry only a kid)");
        }
        if (sources.httpsPair()) {
            Path key = Path.of(sources.tlsKey());
            Path cert = Path.of(sources.tlsCert());
            requireFile(key, "PUMA_SSL_KEY");
            requireFile(cert, "PUMA_SSL_CRT");
            KeyPair keys = Pem.readKeyPair(key);
            List<X509Certificate> chain = chainFor(keys, cert);
            if (chain.isEmpty()) {
                throw new KeyMaterialException(cert + " (PUMA_SSL_CRT) does not hold the public key of " + key + " (PUMA_SSL_KEY)");
            }
            return SigningKey.of(keys, chain, key + " with certificate " + cert + " (the HTTPS pair)", cert);
        }
        var generated = SelfSignedCertificate.ensure(sources.generateDir());
        KeyPair keys = Pem.readKeyPair(generated.key());
        return SigningKey.of(keys, chainFor(keys, generated.certificate()),
                generated.key() + " with certificate " + generated.certificate() + " (generated)", generated.certificate());
    }

    /** The certificates of {@code file} with the one holding {@code keys}' public key first; empty if none does. */
    static List<X509Certificate> chainFor(KeyPair keys, Path file) {
        List<X509Certificate> all = Pem.readCertificates(file);
        byte[] wanted = keys.getPublic().getEncoded();
        for (X509Certificate certificate : all) {
            if (Arrays.equals(certificate.getPublicKey().getEncoded(), wanted)) {
                List<X509Certificate> chain = new ArrayList<>(all);
                chain.remove(certificate);
                chain.addFirst(certificate);
                return chain;
            }
        }
        return List.of();
    }

    private static List<X509Certificate> chainForOrEmpty(KeyPair keys, Path file) {
        try {
            return chainFor(keys, file);
        } catch (KeyMaterialException notACertificate) {
            return List.of();
        }
    }

    /** Certificate files that may belong to {@code key}: PUMA_SSL_CRT, then usual names beside the key. */
    static List<Path> candidates(Path key, String tlsCert) {
        Set<Path> paths = new LinkedHashSet<>();
        if (present(tlsCert)) {
            paths.add(Path.of(tlsCert));
        }
        Path dir = key.toAbsolutePath().getParent();
        String name = key.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        for (String replacement : new String[] {"crt", "cert"}) {
            paths.add(dir.resolve(name.replace("key", replacement)));
        }
        for (String extension : new String[] {".crt", ".pem", ".cert"}) {
            paths.add(dir.resolve(base + extension));
        }
        for (String common : new String[] {"cert.pem", "server.crt", "server-crt.pem", "certificate.pem", "tls.crt"}) {
            paths.add(dir.resolve(common));
        }
        paths.remove(key.toAbsolutePath());
        return paths.stream().filter(Files::isRegularFile).toList();
    }

    private static void requireFile(Path path, String setting) {
        if (!Files.isReadable(path)) {
            throw new KeyMaterialException(setting + ": " + path + " does not exist or cannot be read");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
