package io.portus.auth.token;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The OAuth2 form: POST {@code /v2/token} (docs/compatibility.md#oauth2-token-endpoint). */
class TokenEndpointPostTest extends TokenEndpointTest {

    private static final String SVC = "service=127.0.0.1%3A5000&client_id=skopeo";

    @Test
    void passwordGrantWithOfflineAccess() throws Exception {
        HttpResponse<String> response = post(SVC + "&grant_type=password&username=alice&password=alice-pw&access_type=offline"
                + "&scope=repository%3Aalice%2Fapp%3Apull%2Cpush+repository%3Abob%2Fapp%3Apull");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.get("scope").asString()).isEqualTo("repository:alice/app:pull,push");
        assertThat(body.get("expires_in").asLong()).isPositive();
        assertIssuedAtIsRfc3339(body);
        assertThat(body.get("refresh_token").asString()).isNotBlank();
        assertThat(claims(response).get("sub").asString()).isEqualTo("alice");
    }

    @Test
    void refreshGrantGivesANewAccessTokenAndTheSameRefreshToken() throws Exception {
        String refresh = body(post(SVC + "&grant_type=password&username=bob&password=bob-pw&access_type=offline"))
                .get("refresh_token").asString();
        HttpResponse<String> response = post(SVC + "&grant_type=refresh_token&refresh_token=" + refresh
                + "&scope=repository%3Abob%2Fx%3Apull");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).get("refresh_token").asString()).isEqualTo(refresh);
        assertThat(body(response).get("scope").asString()).isEqualTo("repository:bob/x:pull");
        assertThat(claims(response).get("sub").asString()).isEqualTo("bob");
        // bound to the service it was issued for
        assertThat(post("service=other&client_id=x&grant_type=refresh_token&refresh_token=" + refresh).statusCode()).isEqualTo(401);
    }

    @Test
    void refusals() throws Exception {
        HttpResponse<String> wrong = post(SVC + "&grant_type=password&username=alice&password=nope");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(body(wrong).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(post(SVC + "&grant_type=refresh_token&refresh_token=forged").statusCode()).isEqualTo(401);
        assertThat(post(SVC + "&grant_type=password&username=carol&password=carol-pw").statusCode()).isEqualTo(401);
        HttpResponse<String> unsupported = post(SVC + "&grant_type=authorization_code&code=x");
        assertThat(unsupported.statusCode()).isEqualTo(400);
        assertThat(body(unsupported).get("error").asString()).isEqualTo("unsupported_grant_type");
        assertThat(post("client_id=x&grant_type=password&username=alice&password=alice-pw").statusCode()).isEqualTo(400);
        assertThat(post("service=s&grant_type=password&username=alice&password=alice-pw").statusCode()).isEqualTo(400);
        assertThat(post(SVC + "&grant_type=password&username=alice&password=alice-pw&scope=nonsense").statusCode()).isEqualTo(401);
    }
}
