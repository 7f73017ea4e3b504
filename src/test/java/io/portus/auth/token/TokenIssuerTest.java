package io.portus.auth.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.portus.auth.scope.Scope;
import io.portus.auth.scope.Scopes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TokenIssuerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void rsaHeaderCarriesTypAlgX5cAndLibtrustKid() throws Exception {
        KeyPair keys = TestKeys.rsa();
        var certificate = TestKeys.selfSigned(keys, "localhost");
        TokenIssuer issuer = issuer(TestKeys.signingKey(keys, certificate), KidFormat.LIBTRUST, Duration.ZERO);
        SignedJWT jwt = SignedJWT.parse(issuer.issue("alice", "registry:5000", null).token());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(KeyIds.libtrust(keys.getPublic()));
        assertThat(jwt.getHeader().getX509CertChain()).hasSize(1);
        // standard base64 DER, not base64url
        assertThat(jwt.getHeader().getX509CertChain().getFirst().toString())
                .isEqualTo(Base64.getEncoder().encodeToString(certificate.getEncoded()));
        assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic()))).isTrue();
    }

    @Test
    void ecKeySignsEs256WithThumbprintKid() throws Exception {
        KeyPair keys = TestKeys.ec();
        TokenIssuer issuer = issuer(TestKeys.signingKey(keys), KidFormat.THUMBPRINT, Duration.ZERO);
        SignedJWT jwt = SignedJWT.parse(issuer.issue("alice", "svc", null).token());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(KeyIds.thumbprint(keys.getPublic()));
        assertThat(jwt.getHeader().getX509CertChain()).isNull();
        assertThat(jwt.verify(new ECDSAVerifier((ECPublicKey) keys.getPublic()))).isTrue();
        assertThat(jwt.getSignature().decode()).hasSize(64); // raw r||s
    }

    @Test
    void claimsAsPortusWritesThemWithAStringAudience() throws Exception {
        TokenIssuer issuer = issuer(TestKeys.signingKey(TestKeys.rsa()), KidFormat.LIBTRUST, Duration.ZERO);
        IssuedToken token = issuer.issue("alice", "127.0.0.1:5000",
                List.of(Scopes.parse("repository:alice/busybox:push,pull")));
        Map<String, Object> claims = SignedJWT.parse(token.token()).getPayload().toJSONObject();
        assertThat(claims).containsEntry("iss", "portus.test.lan").containsEntry("sub", "alice")
                .containsEntry("aud", "127.0.0.1:5000")
                .containsEntry("iat", NOW.getEpochSecond())
                .containsEntry("nbf", NOW.getEpochSecond() - 5)
                .containsEntry("exp", NOW.getEpochSecond() + 900);
        assertThat((String) claims.get("jti")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(claims.get("access")).isEqualTo(List.of(
                Map.of("type", "repository", "name", "alice/busybox", "actions", List.of("push", "pull"))));
        String payload = new String(Base64.getUrlDecoder().decode(token.token().split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"aud\":\"127.0.0.1:5000\"");
        assertThat(token.token()).doesNotContain("=");
        assertThat(token.expiresIn(NOW)).isEqualTo(900);
    }

    @Test
    void accessClaimAbsentForLoginEmptyWhenNothingGrantedAnonymousSubjectEmpty() throws Exception {
        TokenIssuer issuer = issuer(TestKeys.signingKey(TestKeys.rsa()), KidFormat.LIBTRUST, Duration.ZERO);
        var login = SignedJWT.parse(issuer.issue("alice", "svc", null).token()).getJWTClaimsSet();
        assertThat(login.getClaims()).doesNotContainKey("access");
        var denied = SignedJWT.parse(issuer.issue("", "svc", List.of()).token()).getJWTClaimsSet();
        assertThat(denied.getClaim("access")).isEqualTo(List.of());
        assertThat(denied.getSubject()).isEmpty();
    }

    @Test
    void resourceClassIsWrittenSeparately() {
        assertThat(TokenIssuer.accessClaim(List.of(Scopes.parse("repository(plugin):a/b:pull"))))
                .containsExactly(Map.of("type", "repository", "class", "plugin", "name", "a/b", "actions", List.of("pull")));
    }

    @Test
    void identicalRequestsWithinTheReuseWindowShareOneSignature() {
        TokenIssuer issuer = issuer(TestKeys.signingKey(TestKeys.rsa()), KidFormat.LIBTRUST, Duration.ofSeconds(30));
        List<Scope> access = List.of(Scopes.parse("repository:a/b:pull"));
        IssuedToken first = issuer.issue("alice", "svc", access);
        assertThat(issuer.issue("alice", "svc", List.of(Scopes.parse("repository:a/b:pull")))).isEqualTo(first);
        assertThat(issuer.issue("bob", "svc", access).token()).isNotEqualTo(first.token());
        assertThat(issuer.issue("alice", "other", access).token()).isNotEqualTo(first.token());
        assertThat(issuer.issue("alice", "svc", List.of(Scopes.parse("repository:a/b:pull,push"))).token())
                .isNotEqualTo(first.token());
        assertThat(issuer.issue("alice", "svc", null).token()).isNotEqualTo(first.token());
    }

    @Test
    void noReuseWindowSignsEachTime() {
        TokenIssuer issuer = issuer(TestKeys.signingKey(TestKeys.rsa()), KidFormat.LIBTRUST, Duration.ZERO);
        assertThat(issuer.issue("alice", "svc", null).token()).isNotEqualTo(issuer.issue("alice", "svc", null).token());
    }

    private TokenIssuer issuer(SigningKey key, KidFormat kid, Duration reuse) {
        return new TokenIssuer(key, kid, "portus.test.lan", Duration.ofMinutes(15), reuse, clock);
    }
}
