package io.portus.auth.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;

import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

/**
 * The key that signs tokens, its certificate chain (leaf first; empty when no certificate for the key
 * was found, then tokens carry only the {@code kid}) and the JWS algorithm it implies.
 *
 * @param source          where the key came from, for the start-up log line
 * @param certificateFile the file holding {@code chain} (null when there is none)
 */
record SigningKey(KeyPair keys, List<X509Certificate> chain, JWSAlgorithm algorithm, String source,
                  java.nio.file.Path certificateFile) {

    SigningKey {
        chain = List.copyOf(chain);
    }

    static SigningKey of(KeyPair keys, List<X509Certificate> chain, String source) {
        return of(keys, chain, source, null);
    }

    static SigningKey of(KeyPair keys, List<X509Certificate> chain, String source, java.nio.file.Path certificateFile) {
        return new SigningKey(keys, chain, algorithmFor(keys.getPublic()), source, chain.isEmpty() ? null : certificateFile);
    }

    /** RS256 for RSA keys; ES256/ES384/ES512 for EC keys on P-256/P-384/P-521. */
    static JWSAlgorithm algorithmFor(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < 2048) {
                throw new KeyMaterialException("RSA signing keys must have at least 2048 bits");
            }
            return JWSAlgorithm.RS256;
        }
        if (key instanceof ECPublicKey ec) {
            Curve curve = Curve.forECParameterSpec(ec.getParams());
            if (Curve.P_256.equals(curve)) {
                return JWSAlgorithm.ES256;
            }
            if (Curve.P_384.equals(curve)) {
                return JWSAlgorithm.ES384;
            }
            if (Curve.P_521.equals(curve)) {
                return JWSAlgorithm.ES512;
            }
            throw new KeyMaterialException("EC signing keys must be on P-256, P-384 or P-521");
        }
        throw new KeyMaterialException("unsupported key type " + key.getAlgorithm() + " (RSA or EC keys sign tokens)");
    }

    PublicKey publicKey() {
        return keys.getPublic();
    }
}
