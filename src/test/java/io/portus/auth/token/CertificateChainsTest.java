package io.portus.auth.token;

import io.portus.auth.scope.Scopes;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tokens whose {@code x5c} is a root → intermediate → leaf chain (made here with Bouncy Castle), the root
 * trusted: the good chain is accepted and each RFC 5280 defect refused by the PKIX validation.
 */
class CertificateChainsTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String ISS = "portus.test.lan";
    private static final String AUD = "registry.test.lan:5000";
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    private final KeyPair rootKeys = TestKeys.ec();
    private final KeyPair intermediateKeys = TestKeys.ec();
    private final KeyPair leafKeys = TestKeys.ec();
    private final X509Certificate root = cert(rootKeys, "root", rootKeys, "root", new Options().ca(1));

    @Test
    void threeLevelChainIsAccepted() throws Exception {
        X509Certificate intermediate = intermediate(new Options().ca(0));
        X509Certificate leaf = leaf(new Options().usage(KeyUsage.digitalSignature));
        assertThat(verify(leaf, intermediate).subject()).isEqualTo("alice");
        // the root may travel in x5c too; a leaf without key usage extension is allowed
        assertThat(verify(leaf(new Options()), intermediate, root).subject()).isEqualTo("alice");
    }

    @Test
    void intermediateWithoutCaBasicConstraintIsRefused() {
        X509Certificate notCa = intermediate(new Options().usage(KeyUsage.keyCertSign));
        assertRefused("basic constraints", leaf(new Options()), notCa);
    }

    @Test
    void pathLengthExceededIsRefused() {
        X509Certificate limited = intermediate(new Options().ca(0));
        KeyPair subKeys = TestKeys.ec();
        X509Certificate sub = cert(subKeys, "sub", intermediateKeys, "intermediate", new Options().ca(0));
        X509Certificate leaf = cert(leafKeys, "leaf", subKeys, "sub", new Options());
        assertRefused("path", leaf, sub, limited);
    }

    @Test
    void leafKeyUsageWithoutDigitalSignatureIsRefused() {
        X509Certificate leaf = leaf(new Options().usage(KeyUsage.keyEncipherment));
        assertRefused("constraints", leaf, intermediate(new Options().ca(0)));
    }

    @Test
    void unknownCriticalExtensionIsRefused() {
        X509Certificate leaf = leaf(new Options().unknownCritical());
        assertRefused("critical", leaf, intermediate(new Options().ca(0)));
    }

    @Test
    void expiredCertificateIsRefused() {
        X509Certificate expired = cert(intermediateKeys, "intermediate", rootKeys, "root",
                new Options().ca(0).validity(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1))));
        assertRefused("", leaf(new Options()), expired);
        assertRefused("", cert(leafKeys, "leaf", intermediateKeys, "intermediate",
                new Options().validity(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1)))),
                intermediate(new Options().ca(0)));
    }

    @Test
    void untrustedRootIsRefused() {
        KeyPair otherRoot = TestKeys.ec();
        X509Certificate intermediate = cert(intermediateKeys, "intermediate", otherRoot, "root", new Options().ca(0));
        assertRefused("untrusted", leaf(new Options()), intermediate);
    }

    private VerifiedToken verify(X509Certificate leaf, X509Certificate... rest) throws InvalidTokenException {
        return verifier().verify(token(leaf, rest));
    }

    private void assertRefused(String reason, X509Certificate leaf, X509Certificate... rest) {
        String token = token(leaf, rest);
        assertThatThrownBy(() -> verifier().verify(token)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("untrusted certificate").hasMessageContaining(reason);
    }

    private TokenVerifier verifier() {
        KeyPair own = TestKeys.ec();
        X509Certificate ownCert = TestKeys.selfSigned(own, "portus");
        return new TokenVerifier(new TrustedKeys(own.getPublic(), List.of(ownCert), List.of(root)), ISS, () -> AUD,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private String token(X509Certificate leaf, X509Certificate... rest) {
        List<X509Certificate> chain = new java.util.ArrayList<>(List.of(leaf));
        chain.addAll(List.of(rest));
        SigningKey key = SigningKey.of(leafKeys, chain, "test chain");
        return new TokenIssuer(key, KidFormat.LIBTRUST, ISS, Duration.ofMinutes(5), Duration.ZERO,
                Clock.fixed(NOW, ZoneOffset.UTC)).issue("alice", AUD, List.of(Scopes.parse("repository:a:pull"))).token();
    }

    private X509Certificate intermediate(Options options) {
        return cert(intermediateKeys, "intermediate", rootKeys, "root", options);
    }

    private X509Certificate leaf(Options options) {
        return cert(leafKeys, "leaf", intermediateKeys, "intermediate", options);
    }

    /** What a generated certificate carries: CA with path length, key usage bits, a made-up critical extension. */
    private static final class Options {
        Integer pathLength;
        Integer usage;
        boolean unknownCritical;
        Instant from = NOW.minus(Duration.ofHours(1));
        Instant until = NOW.plus(Duration.ofDays(1));

        Options ca(int pathLength) {
            this.pathLength = pathLength;
            this.usage = KeyUsage.keyCertSign | KeyUsage.cRLSign;
            return this;
        }

        Options usage(int bits) {
            this.usage = bits;
            return this;
        }

        Options unknownCritical() {
            this.unknownCritical = true;
            return this;
        }

        Options validity(Instant notBefore, Instant notAfter) {
            this.from = notBefore;
            this.until = notAfter;
            return this;
        }
    }

    private static X509Certificate cert(KeyPair subject, String subjectCn, KeyPair issuer, String issuerCn, Options o) {
        try {
            var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuerCn),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(o.from), Date.from(o.until),
                    new X500Name("CN=" + subjectCn), subject.getPublic());
            builder.addExtension(Extension.basicConstraints, true,
                    o.pathLength == null ? new BasicConstraints(false) : new BasicConstraints(o.pathLength));
            if (o.usage != null) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(o.usage));
            }
            if (o.unknownCritical) {
                builder.addExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"), true, DERNull.INSTANCE);
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
