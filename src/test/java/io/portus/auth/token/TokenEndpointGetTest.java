package io.portus.auth.token;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** GET {@code /v2/token}: the outcomes table of docs/compatibility.md#token-endpoint. */
class TokenEndpointGetTest extends TokenEndpointTest {

    private static final String SVC = "service=127.0.0.1%3A5000";

    @Test
    void loginWithoutScopeHasNoAccessClaim() throws Exception {
        HttpResponse<String> response = get(SVC + "&account=alice&client_id=docker", "alice", "alice-pw");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = body(response);
        assertThat(body.get("token").asString()).isEqualTo(body.get("access_token").asString());
        assertThat(body.get("expires_in").asLong()).isBetween(890L, 900L);
        assertIssuedAtIsRfc3339(body);
        assertThat(body.has("refresh_token")).isFalse();
        JsonNode claims = claims(response);
        assertThat(claims.has("access")).isFalse();
        assertThat(claims.get("sub").asString()).isEqualTo("alice");
        assertThat(claims.get("aud").isString()).isTrue();
        assertThat(claims.get("aud").asString()).isEqualTo("127.0.0.1:5000");
        assertThat(claims.get("iss").asString()).isEqualTo("portus.test.lan");
    }

    @Test
    void grantsOnlyWhatThePolicyAllowsInRequestOrder() throws Exception {
        HttpResponse<String> response = get(SVC + "&scope=repository:alice/app:push,fork,pull&scope=repository:bob/app:pull",
                "alice", "alice-pw");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(claims(response).get("access").toString())
                .isEqualTo("[{\"type\":\"repository\",\"name\":\"alice/app\",\"actions\":[\"push\",\"pull\"]}]");
    }

    @Test
    void everythingDeniedIsAnEmptyAccessNotAnError() throws Exception {
        HttpResponse<String> response = get(SVC + "&scope=repository:busybox:fork", "alice", "alice-pw");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(claims(response).get("access").toString()).isEqualTo("[]");
    }

    @Test
    void repeatedScopesOfOneResourceMerge() throws Exception {
        HttpResponse<String> response = get(SVC + "&scope=repository:alice/busybox:push&scope=repository:alice/busybox:pull",
                "alice", "alice-pw");
        assertThat(claims(response).get("access").toString())
                .isEqualTo("[{\"type\":\"repository\",\"name\":\"alice/busybox\",\"actions\":[\"push\",\"pull\"]}]");
    }

    @Test
    void unknownServiceGetsEmptyAccessEvenWithoutScope() throws Exception {
        assertThat(claims(get("service=elsewhere%3A5000&scope=repository:alice/app:pull", "alice", "alice-pw"))
                .get("access").toString()).isEqualTo("[]");
        assertThat(claims(get("service=elsewhere%3A5000", "alice", "alice-pw")).get("access").toString()).isEqualTo("[]");
        assertThat(claims(get("", "alice", "alice-pw")).get("access").toString()).isEqualTo("[]");
    }

    @Test
    void malformedScopeOrUnknownTypeIs401() throws Exception {
        for (String scope : new String[] {"repository:alice", "repository", "plugin:alice/app:pull", "repository:a:b:c:pull"}) {
            HttpResponse<String> response = get(SVC + "&scope=" + scope, "alice", "alice-pw");
            assertThat(response.statusCode()).as(scope).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Portus\"");
            assertThat(body(response).get("errors").get(0).get("code").asString()).isEqualTo("UNAUTHORIZED");
        }
    }

    @Test
    void badCredentialsDisabledUserAndOtherSchemesAre401() throws Exception {
        assertUnauthorized(get(SVC, "alice", "wrong"));
        assertUnauthorized(get(SVC, "nobody", "x"));
        assertUnauthorized(get(SVC, "carol", "carol-pw"));
        assertUnauthorized(get(SVC, "alice", ""));
        for (String header : new String[] {"Bearer abc", "Basic !!!", "Basic " + java.util.Base64.getEncoder().encodeToString("nocolon".getBytes())}) {
            var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "?" + SVC))
                    .header("Authorization", header).build(), HttpResponse.BodyHandlers.ofString());
            assertUnauthorized(response);
        }
    }

    @Test
    void applicationTokenWorksAsPassword() throws Exception {
        HttpResponse<String> response = get(SVC + "&scope=repository:alice/app:pull", "alice", "alice-app-token");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(claims(response).get("sub").asString()).isEqualTo("alice");
    }

    @Test
    void anonymousGetsATokenWithPublicPullOnly() throws Exception {
        HttpResponse<String> response = get(SVC + "&scope=repository:public/app:pull,push&scope=repository:alice/app:pull", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode claims = claims(response);
        assertThat(claims.get("sub").asString()).isEmpty();
        assertThat(claims.get("access").toString())
                .isEqualTo("[{\"type\":\"repository\",\"name\":\"public/app\",\"actions\":[\"pull\"]}]");
    }

    @Test
    void subjectIsTheAuthenticatedUserNeverTheAccountParameter() throws Exception {
        assertThat(claims(get(SVC + "&account=admin", "alice", "alice-pw")).get("sub").asString()).isEqualTo("alice");
        assertThat(claims(get(SVC + "&account=admin", null, null)).get("sub").asString()).isEmpty();
    }

    @Test
    void catalogScopeForAdminsOnly() throws Exception {
        assertThat(claims(get(SVC + "&scope=registry:catalog:*", "admin", "admin-pw")).get("access").toString())
                .isEqualTo("[{\"type\":\"registry\",\"name\":\"catalog\",\"actions\":[\"*\"]}]");
        assertThat(claims(get(SVC + "&scope=registry:catalog:*", "alice", "alice-pw")).get("access").toString()).isEqualTo("[]");
    }

    @Test
    void offlineTokenAddsARefreshTokenForUsersOnly() throws Exception {
        assertThat(body(get(SVC + "&offline_token=true&client_id=x", "alice", "alice-pw")).get("refresh_token").asString()).isNotBlank();
        assertThat(body(get(SVC + "&offline_token=true", null, null)).has("refresh_token")).isFalse();
    }

    @Test
    void hostPortInScopeNameIsKept() throws Exception {
        HttpResponse<String> response = get(SVC + "&scope=repository:localhost:5000/alice/app:pull", "admin", "admin-pw");
        assertThat(claims(response).get("access").get(0).get("name").asString()).isEqualTo("localhost:5000/alice/app");
    }

    @Test
    void brokenQueryEncodingIs400WithoutInternals() throws Exception {
        java.net.URI uri = java.net.URI.create(base);
        try (var socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(("GET /v2/token?" + SVC + "&scope=repository:a%ZZ:pull HTTP/1.1\r\nHost: x\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").doesNotContain("Exception").doesNotContain("at org.");
        }
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Portus\"");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
    }
}
