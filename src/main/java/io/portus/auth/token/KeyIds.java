package io.portus.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

/**
 * Key ids a registry matches against its trusted certificates: the libtrust id of distribution 2.x
 * (docs/compatibility.md#jwt) and the RFC 7638 JWK thumbprint of distribution 3.x.
 */
final class KeyIds {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private KeyIds() {
    }

    /** SHA-256 of the DER SubjectPublicKeyInfo, first 240 bits, base32, 12 groups of 4 joined by ':'. */
    static String libtrust(PublicKey key) {
        byte[] hash = Arrays.copyOf(sha256(key.getEncoded()), 30);
        StringBuilder out = new StringBuilder(59);
        int buffer = 0;
        int bits = 0;
        int written = 0;
        for (byte b : hash) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                if (written > 0 && written % 4 == 0) {
                    out.append(':');
                }
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
                written++;
            }
        }
        return out.toString();
    }

    /** RFC 7638 thumbprint (SHA-256, base64url) of the public key. */
    static String thumbprint(PublicKey key) {
        try {
            if (key instanceof RSAPublicKey rsa) {
                return new RSAKey.Builder(rsa).build().computeThumbprint().toString();
            }
            if (key instanceof ECPublicKey ec) {
                return new ECKey.Builder(com.nimbusds.jose.jwk.Curve.forECParameterSpec(ec.getParams()), ec).build()
                        .computeThumbprint().toString();
            }
        } catch (JOSEException e) {
            throw new KeyMaterialException("cannot compute the key thumbprint: " + e.getMessage(), e);
        }
        throw new KeyMaterialException("unsupported public key type " + key.getAlgorithm());
    }

    static String of(PublicKey key, KidFormat format) {
        return format == KidFormat.THUMBPRINT ? thumbprint(key) : libtrust(key);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
