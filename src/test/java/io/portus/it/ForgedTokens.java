package io.portus.it;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Tokens a registry must refuse, made outside Portus: signed by a key the registry does not trust,
 * expired, {@code alg: none}, or for another audience (the last two signed with the real key, so only the
 * broken rule makes them fail).
 */
final class ForgedTokens {

    private final PrivateKey realKey;
    private final X509Certificate realCertificate;
    private final String issuer;

    ForgedTokens(Path keyFile, Path certificateFile, String issuer) {
        this.realKey = readKey(keyFile);
        this.realCertificate = readCertificate(certificateFile);
        this.issuer = issuer;
    }

    /** A token signed by the real key with the given claims (a control: it must be accepted). */
    String valid(String subject, String audience, String repository, String... actions) {
        return sign(realKey, realCertificate, claims(subject, audience, repository, Instant.now(), actions));
    }

    String signedByAnotherKey(String subject, String audience, String repository, String... actions) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair other = generator.generateKeyPair();
            return sign(other.getPrivate(), realCertificate, claims(subject, audience, repository, Instant.now(), actions));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String expired(String subject, String audience, String repository, String... actions) {
        return sign(realKey, realCertificate, claims(subject, audience, repository, Instant.now().minusSeconds(3600), actions));
    }

    String algNone(String subject, String audience, String repository, String... actions) {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64(claims(subject, audience, repository, Instant.now(), actions).toString());
        return header + "." + payload + ".";
    }

    private JWTClaimsSet claims(String subject, String audience, String repository, Instant issued, String... actions) {
        return new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
                .issueTime(Date.from(issued)).notBeforeTime(Date.from(issued.minusSeconds(5)))
                .expirationTime(Date.from(issued.plusSeconds(300))).jwtID(UUID.randomUUID().toString())
                .claim("access", List.of(Map.of("type", "repository", "name", repository, "actions", List.of(actions))))
                .build();
    }

    private static String sign(PrivateKey key, X509Certificate certificate, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .x509CertChain(List.of(Base64.encode(certificate.getEncoded()))).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static PrivateKey readKey(Path file) {
        try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
            Object o = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            return o instanceof PEMKeyPair pair ? converter.getKeyPair(pair).getPrivate()
                    : converter.getPrivateKey((PrivateKeyInfo) o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate readCertificate(Path file) {
        try (var in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
