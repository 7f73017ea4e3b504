package io.portus.auth.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.portus.auth.scope.Scope;

import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs registry tokens (docs/compatibility.md#jwt): header {@code typ}, {@code alg},
 * {@code x5c} (when the key has a certificate) and {@code kid}; claims {@code iss}, {@code sub}, {@code aud}
 * (a string), {@code iat}, {@code nbf} (iat − 5 s), {@code exp}, {@code jti} and {@code access}.
 * Thread-safe; the signer and header are built once.
 */
final class TokenIssuer {

    private static final Duration NOT_BEFORE_SKEW = Duration.ofSeconds(5);
    private static final Duration MIN_REMAINING = Duration.ofSeconds(60);

    private final JWSSigner signer;
    private final JWSHeader header;
    private final String issuer;
    private final Duration lifetime;
    private final Duration reuseWindow;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<Request, IssuedToken> recent;

    private record Request(String subject, String audience, List<Scope> access) {
    }

    TokenIssuer(SigningKey key, KidFormat kidFormat, String issuer, Duration lifetime, Duration reuseWindow, Clock clock) {
        this.signer = signer(key);
        this.header = header(key, kidFormat);
        this.issuer = issuer;
        this.lifetime = lifetime;
        // a reused token must still have most of its life and at least a minute left
        this.reuseWindow = lifetime.minus(reuseWindow).compareTo(MIN_REMAINING) < 0 ? Duration.ZERO : reuseWindow;
        this.clock = clock;
        this.recent = Caffeine.newBuilder().maximumSize(10_000)
                .expireAfterWrite(this.reuseWindow.isZero() ? Duration.ofNanos(1) : this.reuseWindow).build();
    }

    /**
     * A token for {@code subject} ("" = anonymous) and {@code audience} (the service).
     *
     * @param access the granted scopes; null = no {@code access} claim (a login without scope)
     */
    IssuedToken issue(String subject, String audience, List<Scope> access) {
        if (reuseWindow.isZero()) {
            return sign(subject, audience, access);
        }
        return recent.get(new Request(subject, audience, access), r -> sign(r.subject(), r.audience(), r.access()));
    }

    private IssuedToken sign(String subject, String audience, List<Scope> access) {
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant expires = now.plus(lifetime);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(audience)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minus(NOT_BEFORE_SKEW)))
                .expirationTime(Date.from(expires))
                .jwtID(jti());
        if (access != null) {
            claims.claim("access", accessClaim(access));
        }
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("token signing failed: " + e.getMessage(), e);
        }
        return new IssuedToken(jwt.serialize(), now, expires);
    }

    static List<Map<String, Object>> accessClaim(List<Scope> access) {
        List<Map<String, Object>> entries = new ArrayList<>(access.size());
        for (Scope scope : access) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", scope.type());
            if (scope.resourceClass() != null) {
                entry.put("class", scope.resourceClass());
            }
            entry.put("name", scope.name());
            entry.put("actions", List.copyOf(scope.actions()));
            entries.add(entry);
        }
        return entries;
    }

    private String jti() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static JWSSigner signer(SigningKey key) {
        try {
            return key.keys().getPrivate() instanceof ECPrivateKey ec
                    ? new ECDSASigner(ec)
                    : new RSASSASigner(key.keys().getPrivate());
        } catch (JOSEException e) {
            throw new KeyMaterialException("cannot sign with the key " + key.source() + ": " + e.getMessage(), e);
        }
    }

    private static JWSHeader header(SigningKey key, KidFormat kidFormat) {
        JWSHeader.Builder header = new JWSHeader.Builder(key.algorithm())
                .type(JOSEObjectType.JWT)
                .keyID(KeyIds.of(key.publicKey(), kidFormat));
        if (!key.chain().isEmpty()) {
            List<Base64> x5c = new ArrayList<>();
            for (var certificate : key.chain()) {
                try {
                    x5c.add(Base64.encode(certificate.getEncoded()));
                } catch (CertificateEncodingException e) {
                    throw new KeyMaterialException("cannot encode the certificate of " + key.source(), e);
                }
            }
            header.x509CertChain(x5c);
        }
        return header.build();
    }
}
