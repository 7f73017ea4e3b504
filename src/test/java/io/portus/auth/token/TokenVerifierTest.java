package io.portus.auth.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.portus.auth.scope.Scopes;
import io.portus.support.MutableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The refusals of distribution's token verification, one by one. */
class TokenVerifierTest {

    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private static final String ISS = "portus.test.lan";
    private static final String AUD = "127.0.0.1:5000";

    private final KeyPair keys = TestKeys.rsa();
    private final X509Certificate certificate = TestKeys.selfSigned(keys, "localhost");
    private final SigningKey signingKey = TestKeys.signingKey(keys, certificate);

    @Test
    void ownTokenVerifiesWithItsAccess() throws Exception {
        String token = issue(signingKey, NOW, "repository:alice/app:pull,push");
        VerifiedToken verified = verifier(NOW).verify(token);
        assertThat(verified.subject()).isEqualTo("alice");
        assertThat(verified.allows("repository", "alice/app", "push")).isTrue();
        assertThat(verified.allows("repository", "alice/app", "delete")).isFalse();
        assertThat(verified.allows("repository", "alice/other", "pull")).isFalse();
    }

    @Test
    void starGrantsEveryAction() throws Exception {
        VerifiedToken verified = verifier(NOW).verify(issue(signingKey, NOW, "registry:catalog:*"));
        assertThat(verified.allows("registry", "catalog", "*")).isTrue();
        assertThat(verified.allows("registry", "catalog", "anything")).isTrue();
    }

    @Test
    void kidOnlyTokenVerifiesByLibtrustOrThumbprint() throws Exception {
        SigningKey noCert = TestKeys.signingKey(keys);
        assertThat(verifier(NOW).verify(issue(noCert, NOW, "repository:a:pull")).subject()).isEqualTo("alice");
        String thumb = new TokenIssuer(noCert, KidFormat.THUMBPRINT, ISS, Duration.ofMinutes(15), Duration.ZERO,
                Clock.fixed(NOW, ZoneOffset.UTC)).issue("bob", AUD, null).token();
        assertThat(verifier(NOW).verify(thumb).subject()).isEqualTo("bob");
    }

    @Test
    void extraTrustedCertificateIsAccepted() throws Exception {
        KeyPair other = TestKeys.ec();
        var otherCert = TestKeys.selfSigned(other, "other");
        TokenVerifier verifier = new TokenVerifier(new TrustedKeys(keys.getPublic(), List.of(certificate), List.of(otherCert)),
                ISS, () -> AUD, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(verifier.verify(issue(TestKeys.signingKey(other, otherCert), NOW, "repository:a:pull")).subject())
                .isEqualTo("alice");
    }

    @Test
    void leafIssuedByTrustedCaIsAccepted() throws Exception {
        KeyPair leafKeys = TestKeys.rsa();
        var leaf = TestKeys.issue(leafKeys, "leaf", keys, "localhost", false, NOW.minusSeconds(60), NOW.plusSeconds(3600));
        String token = issue(TestKeys.signingKey(leafKeys, leaf), NOW, "repository:a:pull");
        assertThat(verifier(NOW).verify(token).subject()).isEqualTo("alice");
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() {
        KeyPair other = TestKeys.rsa();
        String withCert = issue(TestKeys.signingKey(other, TestKeys.selfSigned(other, "localhost")), NOW, "repository:a:pull");
        assertRefused(withCert, NOW, "untrusted certificate");
        assertRefused(issue(TestKeys.signingKey(other), NOW, "repository:a:pull"), NOW, "untrusted key");
    }

    @Test
    void forgedSignatureWithTrustedHeaderIsRefused() throws Exception {
        KeyPair other = TestKeys.rsa();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .x509CertChain(List.of(Base64.encode(certificate.getEncoded())))
                .keyID(KeyIds.libtrust(keys.getPublic())).build(), claims(NOW, ISS, AUD).build());
        jwt.sign(new RSASSASigner(other.getPrivate()));
        assertRefused(jwt.serialize(), NOW, "signature");
    }

    @Test
    void expiredBeyondLeewayIsRefusedWithinLeewayAccepted() throws Exception {
        String token = issue(signingKey, NOW, "repository:a:pull"); // exp = NOW + 15 min
        Instant exp = NOW.plus(Duration.ofMinutes(15));
        assertThat(verifier(exp.plusSeconds(59)).verify(token)).isNotNull();
        assertRefused(token, exp.plusSeconds(61), "expired");
        // also once cached: the cached entry is re-checked against the clock
        var clock = new MutableClock(NOW);
        TokenVerifier verifier = new TokenVerifier(new TrustedKeys(keys.getPublic(), List.of(certificate), List.of()), ISS, () -> AUD, clock);
        verifier.verify(token);
        clock.advance(Duration.between(NOW, exp.plusSeconds(61)));
        assertThatThrownBy(() -> verifier.verify(token)).hasMessageContaining("expired");
    }

    @Test
    void notYetValidIsRefused() {
        String token = issue(signingKey, NOW.plus(Duration.ofMinutes(5)), "repository:a:pull");
        assertRefused(token, NOW, "not valid yet");
    }

    @Test
    void algNoneIsRefused() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"" + ISS + "\",\"aud\":\"" + AUD + "\",\"sub\":\"alice\",\"exp\":"
                + (NOW.getEpochSecond() + 600) + ",\"access\":[{\"type\":\"repository\",\"name\":\"a\",\"actions\":[\"pull\"]}]}");
        assertRefused(header + "." + payload + ".", NOW, "");
        assertRefused(header + "." + payload, NOW, "malformed");
    }

    @Test
    void hmacWithThePublicKeyAsSecretIsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KeyIds.libtrust(keys.getPublic())).build(),
                claims(NOW, ISS, AUD).build());
        jwt.sign(new MACSigner(java.util.Arrays.copyOf(keys.getPublic().getEncoded(), 64)));
        assertRefused(jwt.serialize(), NOW, "not allowed");
    }

    @Test
    void wrongAudienceOrIssuerIsRefused() throws Exception {
        assertRefused(sign(claims(NOW, ISS, "other:5000")), NOW, "audience");
        assertRefused(sign(claims(NOW, "evil", AUD)), NOW, "issuer");
        assertRefused(sign(claims(NOW, ISS, AUD).expirationTime(null)), NOW, "expiry");
    }

    @Test
    void garbageIsRefused() {
        for (String token : List.of("", "abc", "a.b.c", "a.b.c.d", "eyJhbGciOiJSUzI1NiJ9.e30.AAAA")) {
            assertRefused(token, NOW, "");
        }
    }

    private void assertRefused(String token, Instant at, String reason) {
        assertThatThrownBy(() -> verifier(at).verify(token)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining(reason);
    }

    private TokenVerifier verifier(Instant at) {
        return new TokenVerifier(new TrustedKeys(keys.getPublic(), List.of(certificate), List.of()), ISS, () -> AUD,
                Clock.fixed(at, ZoneOffset.UTC));
    }

    private static String issue(SigningKey key, Instant at, String scope) {
        return new TokenIssuer(key, KidFormat.LIBTRUST, ISS, Duration.ofMinutes(15), Duration.ZERO, Clock.fixed(at, ZoneOffset.UTC))
                .issue("alice", AUD, List.of(Scopes.parse(scope))).token();
    }

    private String sign(JWTClaimsSet.Builder claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .x509CertChain(List.of(Base64.encode(certificate.getEncoded()))).build(), claims.build());
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    private static JWTClaimsSet.Builder claims(Instant at, String iss, String aud) {
        return new JWTClaimsSet.Builder().issuer(iss).audience(aud).subject("alice")
                .issueTime(Date.from(at)).expirationTime(Date.from(at.plusSeconds(600)));
    }

    private static String b64(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
