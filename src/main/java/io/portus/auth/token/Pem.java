package io.portus.auth.token;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Reads PEM private keys (PKCS#1 RSA, SEC1 EC, PKCS#8) and certificate bundles. */
final class Pem {

    private Pem() {
    }

    /** The key pair of a PEM private key file; the public half is derived when the file lacks it. */
    static KeyPair readKeyPair(Path path) {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(path, StandardCharsets.US_ASCII))) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
                if (block instanceof PEMKeyPair pair) {
                    return pair.getPublicKeyInfo() == null
                            ? withPublic(converter.getPrivateKey(pair.getPrivateKeyInfo()))
                            : converter.getKeyPair(pair);
                }
                if (block instanceof PrivateKeyInfo info) {
                    return withPublic(converter.getPrivateKey(info));
                }
                if (block instanceof PEMEncryptedKeyPair || block instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new KeyMaterialException(path + ": the private key is encrypted; give an unencrypted "
                            + "PEM key (openssl pkey -in key.pem -out plain.pem)");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof KeyMaterialException k) {
                throw k;
            }
            throw new KeyMaterialException(path + ": cannot read the private key (" + e.getMessage() + ")", e);
        }
        throw new KeyMaterialException(path + ": no PEM private key in this file (expected BEGIN PRIVATE KEY, "
                + "BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY)");
    }

    /** Every certificate of a PEM (or DER) file, in file order. */
    static List<X509Certificate> readCertificates(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new KeyMaterialException(path + ": no certificate in this file");
            }
            return certificates;
        } catch (IOException | CertificateException e) {
            throw new KeyMaterialException(path + ": cannot read the certificate (" + e.getMessage() + ")", e);
        }
    }

    /** Whether the public key in {@code info} is the one of {@code pair}. */
    static boolean sameKey(SubjectPublicKeyInfo info, KeyPair pair) {
        try {
            return java.util.Arrays.equals(info.getEncoded(), pair.getPublic().getEncoded());
        } catch (IOException e) {
            return false;
        }
    }

    private static KeyPair withPublic(PrivateKey privateKey) {
        return new KeyPair(PublicKeys.derive(privateKey), privateKey);
    }
}
