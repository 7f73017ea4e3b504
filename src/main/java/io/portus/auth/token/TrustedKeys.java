package io.portus.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keys whose tokens the built-in registry accepts (distribution's {@code rootcertbundle}): our own
 * signing key plus any extra trusted certificates. Looked up by certificate, by public key and by
 * {@code kid} (libtrust and RFC 7638 forms).
 */
final class TrustedKeys {

    private static final Set<JWSAlgorithm> RSA_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);

    /** One trusted key with its ready verifier and the algorithms allowed with it. */
    record Trusted(PublicKey key, X509Certificate certificate, JWSVerifier verifier, Set<JWSAlgorithm> algorithms) {
    }

    private final List<Trusted> all = new ArrayList<>();
    private final Map<String, Trusted> byKid = new HashMap<>();

    TrustedKeys(PublicKey ownKey, List<X509Certificate> ownChain, List<X509Certificate> extra) {
        add(ownKey, ownChain.isEmpty() ? null : ownChain.getFirst());
        for (X509Certificate certificate : extra) {
            add(certificate.getPublicKey(), certificate);
        }
    }

    /** A key trusted through its certificate chain (an {@code x5c} leaf issued by a trusted certificate). */
    static Trusted of(PublicKey key, X509Certificate certificate) {
        return new Trusted(key, certificate, verifier(key), algorithms(key));
    }

    private void add(PublicKey key, X509Certificate certificate) {
        Trusted trusted = of(key, certificate);
        all.add(trusted);
        byKid.putIfAbsent(KeyIds.libtrust(key), trusted);
        byKid.putIfAbsent(KeyIds.thumbprint(key), trusted);
    }

    Optional<Trusted> byKid(String kid) {
        return Optional.ofNullable(byKid.get(kid));
    }

    Optional<Trusted> byKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return all.stream().filter(t -> Arrays.equals(t.key().getEncoded(), encoded)).findFirst();
    }

    /** Trusted certificates, for chain verification of an {@code x5c} header. */
    List<X509Certificate> certificates() {
        return all.stream().map(Trusted::certificate).filter(c -> c != null).toList();
    }

    private static Set<JWSAlgorithm> algorithms(PublicKey key) {
        return key instanceof RSAPublicKey ? RSA_ALGORITHMS : Set.of(SigningKey.algorithmFor(key));
    }

    private static JWSVerifier verifier(PublicKey key) {
        try {
            if (key instanceof RSAPublicKey rsa) {
                return new RSASSAVerifier(rsa);
            }
            if (key instanceof ECPublicKey ec) {
                return new ECDSAVerifier(ec);
            }
        } catch (JOSEException e) {
            throw new KeyMaterialException("cannot verify with trusted key: " + e.getMessage(), e);
        }
        throw new KeyMaterialException("unsupported trusted key type " + key.getAlgorithm());
    }
}
