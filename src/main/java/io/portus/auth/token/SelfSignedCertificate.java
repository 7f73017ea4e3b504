package io.portus.auth.token;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The "one certificate to rule them all" of the classic Portus setup: RSA 4096, CN=localhost, CA:true,
 * SAN DNS:localhost and IP:127.0.0.1, self-signed. Made once in a directory ({@code key.pem},
 * {@code cert.pem}) and reused afterwards; it signs tokens and, when asked, serves HTTPS.
 */
public final class SelfSignedCertificate {

    private static final Logger log = LoggerFactory.getLogger(SelfSignedCertificate.class);
    private static final Duration VALIDITY = Duration.ofDays(3650);

    /** The PEM files of the pair. */
    public record PemFiles(Path key, Path certificate) {
    }

    private SelfSignedCertificate() {
    }

    /** The pair in {@code dir}, generated there first when it does not exist yet. */
    public static synchronized PemFiles ensure(Path dir) {
        PemFiles pair = new PemFiles(dir.resolve("key.pem"), dir.resolve("cert.pem"));
        if (Files.isRegularFile(pair.key()) && Files.isRegularFile(pair.certificate())) {
            return pair;
        }
        write(pair, KeyPrefetch.take(dir).orElseGet(() -> newKeys(null)));
        log.info("Generated a self-signed certificate (RSA 4096, CN=localhost, SAN localhost/127.0.0.1) in {}", dir);
        return pair;
    }

    /** A new key pair like {@code like} (same EC curve; RSA 4096 for RSA or null). */
    static KeyPair newKeys(java.security.PublicKey like) {
        try {
            if (like instanceof java.security.interfaces.ECPublicKey ec) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(ec.getParams());
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(4096);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException("cannot generate a key pair: " + e.getMessage(), e);
        }
    }

    /** Writes {@code keys} (private key 0600) and a new self-signed certificate for them, each file atomically. */
    static void write(PemFiles pair, KeyPair keys) {
        try {
            Files.createDirectories(pair.key().toAbsolutePath().getParent());
            Files.createDirectories(pair.certificate().toAbsolutePath().getParent());
            writeAtomically(pair.key(), pem(new JcaPKCS8Generator(keys.getPrivate(), null)), true);
            writeAtomically(pair.certificate(), pem(certificate(keys)), false);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new KeyMaterialException("cannot write the key pair " + pair.key() + " / " + pair.certificate()
                    + ": " + e.getMessage(), e);
        }
    }

    private static X509Certificate certificate(KeyPair keys)
            throws GeneralSecurityException, IOException, OperatorCreationException {
        X500Name name = new X500Name("CN=localhost");
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(127, new SecureRandom()),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), name, keys.getPublic());
        var extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.keyCertSign));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(keys.getPublic()));
        String algorithm = keys.getPublic() instanceof java.security.interfaces.ECPublicKey ? "SHA256withECDSA" : "SHA256withRSA";
        var signer = new JcaContentSignerBuilder(algorithm).build(keys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName().toString(), ".tmp");
        try {
            if (secret) {
                trySetOwnerOnly(temp);
            }
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void trySetOwnerOnly(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's permissions apply
        }
    }
}
