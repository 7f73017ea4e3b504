package io.portus.auth.token;

import io.portus.auth.scope.Scopes;
import io.portus.registry.AccessController.Access;
import io.portus.registry.AccessController.Challenge;
import io.portus.registry.AccessController.Decision;
import io.portus.registry.AccessController.Granted;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Challenges exactly as distribution 2.8 writes them, and the decisions behind them. */
class TokenAccessControllerTest {

    private static final String REALM = "https://127.0.0.1:5443/v2/token";
    private static final String SERVICE = "127.0.0.1:5000";
    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    private final KeyPair keys = TestKeys.rsa();
    private final SigningKey key = TestKeys.signingKey(keys, TestKeys.selfSigned(keys, "localhost"));
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final TokenAccessController controller = new TokenAccessController(
            new TokenVerifier(new TrustedKeys(keys.getPublic(), key.chain(), List.of()), "fqdn", () -> SERVICE, clock),
            () -> REALM, () -> SERVICE);

    private final List<Access> push = List.of(Access.repository("alice/app", "pull"), Access.repository("alice/app", "push"));

    @Test
    void noTokenChallengesWithTheNeededScopeAndNoError() {
        Challenge challenge = (Challenge) controller.authorize(null, push);
        assertThat(challenge.forbidden()).isFalse();
        assertThat(challenge.code()).isEqualTo("UNAUTHORIZED");
        assertThat(challenge.wwwAuthenticate()).isEqualTo(
                "Bearer realm=\"https://127.0.0.1:5443/v2/token\",service=\"127.0.0.1:5000\",scope=\"repository:alice/app:pull,push\"");
        assertThat(challenge.missing()).isEqualTo(push);
        assertThat(((Challenge) controller.authorize("Basic YTpi", push)).wwwAuthenticate()).doesNotContain("error=");
    }

    @Test
    void baseEndpointChallengeHasNoScope() {
        Challenge challenge = (Challenge) controller.authorize(null, List.of());
        assertThat(challenge.wwwAuthenticate()).isEqualTo("Bearer realm=\"" + REALM + "\",service=\"" + SERVICE + "\"");
    }

    @Test
    void anyValidTokenOpensTheBaseEndpoint() {
        assertThat(controller.authorize("Bearer " + token("alice", null), List.of())).isEqualTo(new Granted("alice"));
        assertThat(controller.authorize("bearer " + token("", null), List.of())).isEqualTo(new Granted(""));
    }

    @Test
    void grantedWhenEveryAccessIsInTheToken() {
        Decision decision = controller.authorize("BEARER " + token("alice", "repository:alice/app:pull,push"), push);
        assertThat(decision).isEqualTo(new Granted("alice"));
    }

    @Test
    void insufficientScopeNamesEveryNeededAccessAndListsTheMissingOnes() {
        Challenge challenge = (Challenge) controller.authorize("Bearer " + token("alice", "repository:alice/app:pull"), push);
        assertThat(challenge.wwwAuthenticate()).isEqualTo("Bearer realm=\"" + REALM + "\",service=\"" + SERVICE
                + "\",scope=\"repository:alice/app:pull,push\",error=\"insufficient_scope\"");
        assertThat(challenge.missing()).containsExactly(Access.repository("alice/app", "push"));
    }

    @Test
    void tokenForOneRepositoryDoesNotOpenAnother() {
        Challenge challenge = (Challenge) controller.authorize("Bearer " + token("alice", "repository:alice/app:pull,push"),
                List.of(Access.repository("alice/other", "pull")));
        assertThat(challenge.wwwAuthenticate()).endsWith(",scope=\"repository:alice/other:pull\",error=\"insufficient_scope\"");
    }

    @Test
    void mountNeedsPullOnTheSourceAndCatalogNeedsStar() {
        List<Access> mount = List.of(Access.repository("b/app", "pull"), Access.repository("b/app", "push"),
                Access.repository("a/app", "pull"));
        Challenge challenge = (Challenge) controller.authorize(null, mount);
        assertThat(challenge.wwwAuthenticate()).contains("scope=\"repository:b/app:pull,push repository:a/app:pull\"");
        List<Access> catalog = List.of(new Access("registry", "catalog", "*"));
        assertThat(controller.authorize("Bearer " + token("admin", "registry:catalog:*"), catalog)).isEqualTo(new Granted("admin"));
        assertThat(controller.authorize("Bearer " + token("alice", "repository:a/app:*"), catalog)).isInstanceOf(Challenge.class);
    }

    @Test
    void deleteNeedsDeleteOrStarNotPush() {
        List<Access> delete = List.of(Access.repository("alice/app", "delete"));
        assertThat(controller.authorize("Bearer " + token("alice", "repository:alice/app:pull,push"), delete))
                .isInstanceOf(Challenge.class);
        assertThat(controller.authorize("Bearer " + token("alice", "repository:alice/app:delete"), delete))
                .isEqualTo(new Granted("alice"));
        assertThat(controller.authorize("Bearer " + token("alice", "repository:alice/app:*"), delete))
                .isEqualTo(new Granted("alice"));
    }

    @Test
    void invalidTokenGetsInvalidTokenError() {
        Challenge challenge = (Challenge) controller.authorize("Bearer not.a.token", push);
        assertThat(challenge.wwwAuthenticate()).endsWith(",scope=\"repository:alice/app:pull,push\",error=\"invalid_token\"");
        assertThat(challenge.message()).contains("malformed");
        KeyPair other = TestKeys.rsa();
        String foreign = new TokenIssuer(TestKeys.signingKey(other), KidFormat.LIBTRUST, "fqdn", Duration.ofMinutes(5),
                Duration.ZERO, clock).issue("alice", SERVICE, List.of(Scopes.parse("repository:alice/app:pull,push"))).token();
        assertThat(((Challenge) controller.authorize("Bearer " + foreign, push)).wwwAuthenticate()).contains("error=\"invalid_token\"");
    }

    @Test
    void bearerHeaderParsing() {
        assertThat(TokenAccessController.bearerToken("Bearer abc")).isEqualTo("abc");
        assertThat(TokenAccessController.bearerToken("bEaReR   abc ")).isEqualTo("abc");
        assertThat(TokenAccessController.bearerToken("Bearer")).isNull();
        assertThat(TokenAccessController.bearerToken("Bearer a b")).isNull();
        assertThat(TokenAccessController.bearerToken("Basic abc")).isNull();
        assertThat(TokenAccessController.bearerToken(null)).isNull();
    }

    @Test
    void challengeValuesAreQuoted() {
        assertThat(Challenges.bearer("http://x/\"t", "s\\v", List.of(), null)).isEqualTo("Bearer realm=\"http://x/\\\"t\",service=\"s\\\\v\"");
    }

    private String token(String subject, String scope) {
        return new TokenIssuer(key, KidFormat.LIBTRUST, "fqdn", Duration.ofMinutes(5), Duration.ZERO, clock)
                .issue(subject, SERVICE, scope == null ? null : List.of(Scopes.parse(scope))).token();
    }
}
