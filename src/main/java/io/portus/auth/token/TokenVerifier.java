package io.portus.auth.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Verifies registry tokens as distribution 2.8 does (docs/compatibility.md#registry-auth): three parts, a signing key
 * found by {@code x5c} (chained to a trusted certificate), {@code jwk} or {@code kid}, an algorithm that
 * fits that key ({@code none} and HMAC never do), the signature, {@code iss}, {@code aud}, and
 * {@code exp}/{@code nbf} with 60 s leeway. Verified tokens are cached by their text until they expire.
 */
final class TokenVerifier {

    static final Duration LEEWAY = Duration.ofSeconds(60);
    private static final int MAX_TOKEN_LENGTH = 64 * 1024;

    private final TrustedKeys trusted;
    private final CertificateChains chains;
    private final String issuer;
    private final Supplier<String> audience;
    private final Clock clock;
    private final Cache<String, VerifiedToken> verified;

    TokenVerifier(TrustedKeys trusted, String issuer, Supplier<String> audience, Clock clock) {
        this.trusted = trusted;
        this.chains = new CertificateChains(trusted.certificates(), clock);
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(10_000).expireAfter(new UntilExpiry(clock)).build();
    }

    VerifiedToken verify(String token) throws InvalidTokenException {
        VerifiedToken known = verified.getIfPresent(token);
        if (known == null) {
            known = verifyUncached(token);
            verified.put(token, known);
        }
        long now = clock.instant().getEpochSecond();
        if (now > known.expiresAt() + LEEWAY.toSeconds()) {
            throw new InvalidTokenException("token has expired");
        }
        if (now < known.notBefore() - LEEWAY.toSeconds()) {
            throw new InvalidTokenException("token is not valid yet");
        }
        return known;
    }

    private VerifiedToken verifyUncached(String token) throws InvalidTokenException {
        if (token.length() > MAX_TOKEN_LENGTH || token.chars().filter(c -> c == '.').count() != 2) {
            throw new InvalidTokenException("malformed token");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            throw new InvalidTokenException("malformed token");
        }
        TrustedKeys.Trusted key = signingKey(jwt.getHeader());
        if (!key.algorithms().contains(jwt.getHeader().getAlgorithm())) {
            throw new InvalidTokenException("signing algorithm " + jwt.getHeader().getAlgorithm() + " not allowed for this key");
        }
        try {
            if (jwt.getSignature() == null || jwt.getSignature().toString().isEmpty() || !jwt.verify(key.verifier())) {
                throw new InvalidTokenException("invalid token signature");
            }
        } catch (JOSEException e) {
            throw new InvalidTokenException("invalid token signature");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new InvalidTokenException("token from untrusted issuer");
        }
        List<String> audiences = claims.getAudience();
        if (audiences == null || !audiences.contains(audience.get())) {
            throw new InvalidTokenException("token not for this service (audience)");
        }
        if (claims.getExpirationTime() == null) {
            throw new InvalidTokenException("token has no expiry");
        }
        long exp = claims.getExpirationTime().toInstant().getEpochSecond();
        long nbf = claims.getNotBeforeTime() == null ? 0 : claims.getNotBeforeTime().toInstant().getEpochSecond();
        String subject = claims.getSubject() == null ? "" : claims.getSubject();
        return new VerifiedToken(subject, exp, nbf, grants(claims.getClaim("access")));
    }

    private TrustedKeys.Trusted signingKey(JWSHeader header) throws InvalidTokenException {
        if (header.getX509CertChain() != null && !header.getX509CertChain().isEmpty()) {
            X509Certificate leaf = chains.verify(header.getX509CertChain());
            return trusted.byKey(leaf.getPublicKey()).orElseGet(() -> TrustedKeys.of(leaf.getPublicKey(), leaf));
        }
        if (header.getJWK() != null) {
            PublicKey key = publicKey(header.getJWK());
            return trusted.byKey(key).orElseThrow(() -> new InvalidTokenException("token signed by untrusted key"));
        }
        if (header.getKeyID() != null) {
            return trusted.byKid(header.getKeyID())
                    .orElseThrow(() -> new InvalidTokenException("token signed by untrusted key with ID " + header.getKeyID()));
        }
        throw new InvalidTokenException("token names no signing key");
    }

    private static PublicKey publicKey(JWK jwk) throws InvalidTokenException {
        try {
            if (jwk instanceof RSAKey rsa) {
                return rsa.toPublicKey();
            }
            if (jwk instanceof ECKey ec) {
                return ec.toPublicKey();
            }
        } catch (JOSEException e) {
            throw new InvalidTokenException("malformed token key");
        }
        throw new InvalidTokenException("unsupported token key type");
    }

    private static Set<String> grants(Object access) throws InvalidTokenException {
        Set<String> grants = new HashSet<>();
        if (access == null) {
            return grants;
        }
        if (!(access instanceof List<?> entries)) {
            throw new InvalidTokenException("malformed access claim");
        }
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> map) || !(map.get("type") instanceof String type)
                    || !(map.get("name") instanceof String name)) {
                throw new InvalidTokenException("malformed access claim");
            }
            if (map.get("actions") instanceof List<?> actions) {
                for (Object action : actions) {
                    if (action instanceof String a) {
                        grants.add(type + ":" + name + ":" + a);
                    }
                }
            }
        }
        return grants;
    }

    /** Cached entries live until the token's expiry plus the leeway. */
    private record UntilExpiry(Clock clock) implements Expiry<String, VerifiedToken> {
        @Override
        public long expireAfterCreate(String key, VerifiedToken value, long currentTime) {
            long seconds = value.expiresAt() + LEEWAY.toSeconds() - clock.instant().getEpochSecond();
            return Duration.ofSeconds(Math.max(1, seconds)).toNanos();
        }

        @Override
        public long expireAfterUpdate(String key, VerifiedToken value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(String key, VerifiedToken value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
