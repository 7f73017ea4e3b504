package io.portus.auth.token;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Replaces the token signing key without logging anyone out ({@code portus rotate-key}). The current
 * certificate is kept beside the new one as {@code <certificate>.previous}; while that file exists the built-in
 * registry trusts both keys (tokens signed before the rotation stay valid until they expire), and new tokens are
 * signed with the new key only (their {@code kid} and {@code x5c} name it). Refresh tokens live in the database
 * and do not depend on the key. Once the previous key's last token has expired ({@code portus.token.lifetime}
 * after the restart), {@link #retire} removes the previous certificate. External registries need both
 * certificates in their {@code rootcertbundle} meanwhile (README, "Key rotation").
 */
public final class KeyRotation {

    static final String PREVIOUS_SUFFIX = ".previous";

    /** What a rotation did; the kids are in the configured {@code portus.token.kid-format}. */
    public record Rotated(Path key, Path certificate, Path previousCertificate, String previousKid, String newKid) {
    }

    /** The key in use and, during a rotation, the previous certificate the registry still trusts. */
    public record State(String source, String kid, Path certificate, Optional<Path> previousCertificate,
                        Optional<String> previousKid) {
    }

    private KeyRotation() {
    }

    /** The signing key the server would use now, and the previous one while a rotation is under way. */
    public static State state(Environment environment) {
        Setup setup = Setup.of(environment);
        SigningKey key = SigningKeyLoader.load(setup.sources());
        Optional<Path> previous = previousOf(key);
        return new State(key.source(), KeyIds.of(key.publicKey(), setup.kidFormat()),
                key.certificateFile(), previous, previous.map(p -> kid(p, setup.kidFormat())));
    }

    /**
     * Writes a new key pair (same type as the current one: RSA 4096 or the same EC curve) with a self-signed
     * certificate over the current files, after copying the current certificate to {@code <certificate>.previous}.
     * Refused (a {@link KeyMaterialException} saying what to do) while a previous certificate is still kept,
     * and when the key is the HTTPS pair ({@code PUMA_SSL_KEY}): that pair is renewed with the TLS certificate.
     */
    public static Rotated rotate(Environment environment) {
        Setup setup = Setup.of(environment);
        SigningKeyLoader.Sources sources = setup.sources();
        if (sources.httpsPair()) {
            throw new KeyMaterialException("tokens are signed with the HTTPS pair (PUMA_SSL_KEY/PUMA_SSL_CRT): renew that "
                    + "pair instead, or give tokens a key of their own (portus.token.key-path, "
                    + "PORTUS_ENCRYPTION_PRIVATE_KEY_PATH) and rotate that one");
        }
        SigningKey current = SigningKeyLoader.load(sources);
        Path keyFile = blank(sources.keyPath()) ? sources.generateDir().resolve("key.pem") : Path.of(sources.keyPath());
        Path certificate = current.certificateFile() != null ? current.certificateFile()
                : !blank(sources.certPath()) ? Path.of(sources.certPath()) : siblingCertificate(keyFile);
        Path previous = previousFile(certificate);
        if (Files.exists(previous)) {
            throw new KeyMaterialException("a rotation is under way: " + previous + " is still trusted. Retire it first "
                    + "(rotate-key --retire) once the tokens it signed have expired (portus.token.lifetime after the restart)");
        }
        try {
            if (current.chain().isEmpty()) {
                SelfSignedCertificate.write(new SelfSignedCertificate.PemFiles(keyFile, certificate), current.keys());
            }
            Files.copy(certificate, previous);
        } catch (IOException e) {
            throw new KeyMaterialException("cannot keep the current certificate as " + previous + ": " + e.getMessage(), e);
        }
        var keys = SelfSignedCertificate.newKeys(current.publicKey());
        SelfSignedCertificate.write(new SelfSignedCertificate.PemFiles(keyFile, certificate), keys);
        return new Rotated(keyFile, certificate, previous, KeyIds.of(current.publicKey(), setup.kidFormat()),
                KeyIds.of(keys.getPublic(), setup.kidFormat()));
    }

    /** Ends a rotation: removes the previous certificate (the registry stops trusting it at the next start). */
    public static Optional<Path> retire(Environment environment) {
        Optional<Path> previous = previousOf(SigningKeyLoader.load(Setup.of(environment).sources()));
        previous.ifPresent(path -> {
            try {
                Files.delete(path);
            } catch (IOException e) {
                throw new KeyMaterialException("cannot remove " + path + ": " + e.getMessage(), e);
            }
        });
        return previous;
    }

    /** The previous certificate kept beside {@code key}'s, if a rotation is under way. */
    static Optional<Path> previousOf(SigningKey key) {
        return Optional.ofNullable(key.certificateFile()).map(KeyRotation::previousFile).filter(Files::isRegularFile);
    }

    static List<java.security.cert.X509Certificate> previousCertificates(SigningKey key) {
        return previousOf(key).map(Pem::readCertificates).orElse(List.of());
    }

    private static Path previousFile(Path certificate) {
        return certificate.resolveSibling(certificate.getFileName() + PREVIOUS_SUFFIX);
    }

    private static Path siblingCertificate(Path key) {
        String name = key.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return key.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".crt");
    }

    private static String kid(Path certificate, KidFormat format) {
        List<java.security.cert.X509Certificate> certificates = Pem.readCertificates(certificate);
        return certificates.isEmpty() ? "(no certificate)" : KeyIds.of(certificates.getFirst().getPublicKey(), format);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The settings the server's {@link TokenConfiguration} reads, bound from an environment the same way. */
    private record Setup(SigningKeyLoader.Sources sources, KidFormat kidFormat) {
        static Setup of(Environment environment) {
            TokenProperties token = Binder.get(environment).bindOrCreate("portus.token", TokenProperties.class);
            return new Setup(SigningKeyLoader.Sources.of(environment), token.kidFormat());
        }
    }
}
