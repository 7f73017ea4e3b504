package io.portus.auth.token;

import org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;

/** The public half of a private key, for key files that do not carry it. */
final class PublicKeys {

    private PublicKeys() {
    }

    static PublicKey derive(PrivateKey privateKey) {
        try {
            if (privateKey instanceof RSAPrivateCrtKey rsa) {
                return KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            }
            if (privateKey instanceof ECPrivateKey ec) {
                var curve = EC5Util.convertSpec(ec.getParams());
                var q = new FixedPointCombMultiplier().multiply(curve.getG(), ec.getS()).normalize();
                var w = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
                return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, ec.getParams()));
            }
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException("cannot derive the public key: " + e.getMessage(), e);
        }
        throw new KeyMaterialException("unsupported private key type " + privateKey.getAlgorithm()
                + " (RSA or EC keys sign tokens)");
    }
}
