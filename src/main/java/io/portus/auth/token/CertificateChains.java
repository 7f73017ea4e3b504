package io.portus.auth.token;

import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.X509CertUtils;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies an {@code x5c} header (RFC 7515 §4.1.6: the leaf first, each next certificate the issuer of the
 * previous one): a leaf that is itself a trusted certificate is accepted while valid; otherwise the path up to
 * the first trusted certificate is validated by the JDK's PKIX {@link CertPathValidator} (RFC 5280: signatures,
 * validity at the clock's time, CA basic constraints and path length, {@code keyCertSign} on issuers, no
 * unknown critical extension) with the trusted certificates as anchors, and the leaf's key usage, when it has
 * one, must allow {@code digitalSignature}. Revocation is not checked (no CRL or OCSP fetch from the
 * registry), as distribution does not check it either.
 */
final class CertificateChains {

    private static final int MAX_LENGTH = 6;
    private static final int DIGITAL_SIGNATURE = 0;

    private final List<X509Certificate> roots;
    private final Set<TrustAnchor> anchors = new LinkedHashSet<>();
    private final Clock clock;

    CertificateChains(List<X509Certificate> roots, Clock clock) {
        this.roots = List.copyOf(roots);
        this.clock = clock;
        for (X509Certificate root : roots) {
            anchors.add(new TrustAnchor(root, null));
        }
    }

    /** The verified leaf certificate of {@code x5c}. */
    X509Certificate verify(List<Base64> x5c) throws InvalidTokenException {
        if (x5c.size() > MAX_LENGTH) {
            throw new InvalidTokenException("x5c chain too long");
        }
        List<X509Certificate> path = new ArrayList<>();
        for (Base64 encoded : x5c) {
            X509Certificate certificate = X509CertUtils.parse(encoded.decode());
            if (certificate == null) {
                throw new InvalidTokenException("malformed x5c certificate");
            }
            if (isRoot(certificate)) {
                break;
            }
            path.add(certificate);
        }
        X509Certificate leaf = X509CertUtils.parse(x5c.getFirst().decode());
        Date now = Date.from(clock.instant());
        if (path.isEmpty()) {
            try {
                leaf.checkValidity(now);
                return leaf;
            } catch (GeneralSecurityException e) {
                throw new InvalidTokenException("token certificate expired or not yet valid");
            }
        }
        if (anchors.isEmpty()) {
            throw new InvalidTokenException("token signed by untrusted certificate");
        }
        validate(path, now);
        return leaf;
    }

    private void validate(List<X509Certificate> path, Date now) throws InvalidTokenException {
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(now);
            X509CertSelector leaf = new X509CertSelector();
            boolean[] usage = new boolean[DIGITAL_SIGNATURE + 1];
            usage[DIGITAL_SIGNATURE] = true;
            leaf.setKeyUsage(usage);
            parameters.setTargetCertConstraints(leaf);
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        } catch (CertPathValidatorException e) {
            throw new InvalidTokenException("token signed by untrusted certificate: " + reason(e));
        } catch (GeneralSecurityException e) {
            throw new InvalidTokenException("token certificate chain cannot be validated");
        }
    }

    /** The JDK's words (e.g. "basic constraints check failed: this is not a CA certificate"); no secrets. */
    private static String reason(CertPathValidatorException e) {
        return e.getMessage() == null ? String.valueOf(e.getReason()) : e.getMessage();
    }

    private boolean isRoot(X509Certificate certificate) throws InvalidTokenException {
        try {
            byte[] der = certificate.getEncoded();
            for (X509Certificate root : roots) {
                if (Arrays.equals(root.getEncoded(), der)) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            throw new InvalidTokenException("malformed x5c certificate");
        }
    }
}
