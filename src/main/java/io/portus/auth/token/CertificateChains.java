package io.portus.auth.token;

import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.X509CertUtils;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * Verifies an {@code x5c} header: the leaf must be a trusted certificate or chain up to one, through the
 * other certificates of the header, every link's signature and validity checked (as distribution does
 * with its {@code rootcertbundle} pool).
 */
final class CertificateChains {

    private static final int MAX_DEPTH = 5;

    private final List<X509Certificate> roots;
    private final Clock clock;

    CertificateChains(List<X509Certificate> roots, Clock clock) {
        this.roots = List.copyOf(roots);
        this.clock = clock;
    }

    /** The verified leaf certificate of {@code x5c}. */
    X509Certificate verify(List<Base64> x5c) throws InvalidTokenException {
        List<X509Certificate> chain = new ArrayList<>();
        for (Base64 encoded : x5c) {
            X509Certificate certificate = X509CertUtils.parse(encoded.decode());
            if (certificate == null) {
                throw new InvalidTokenException("malformed x5c certificate");
            }
            chain.add(certificate);
        }
        X509Certificate current = chain.getFirst();
        Date now = Date.from(clock.instant());
        for (int depth = 0; depth <= MAX_DEPTH; depth++) {
            valid(current, now);
            if (isRoot(current)) {
                return chain.getFirst();
            }
            X509Certificate issuer = issuerOf(current, roots);
            if (issuer != null) {
                valid(issuer, now);
                return chain.getFirst();
            }
            issuer = issuerOf(current, chain.subList(1, chain.size()));
            if (issuer == null || issuer == current) {
                break;
            }
            current = issuer;
        }
        throw new InvalidTokenException("token signed by untrusted certificate");
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

    private static X509Certificate issuerOf(X509Certificate certificate, List<X509Certificate> candidates) {
        for (X509Certificate candidate : candidates) {
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                    && candidate.getBasicConstraints() >= 0) {
                try {
                    certificate.verify(candidate.getPublicKey());
                    return candidate;
                } catch (GeneralSecurityException e) {
                    // not this one
                }
            }
        }
        return null;
    }

    private static void valid(X509Certificate certificate, Date now) throws InvalidTokenException {
        try {
            certificate.checkValidity(now);
        } catch (GeneralSecurityException e) {
            throw new InvalidTokenException("token certificate expired or not yet valid");
        }
    }
}
