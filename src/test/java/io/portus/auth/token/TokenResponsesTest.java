package io.portus.auth.token;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The one writer of {@code /v2/token}'s bodies, GET and POST. */
class TokenResponsesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final IssuedToken TOKEN = new IssuedToken("h.p.s", NOW, NOW.plusSeconds(900));

    @Test
    void getAndPostShareTheTokenFieldsAndDifferOnlyWhereTheProtocolsDo() {
        JsonNode get = JSON.readTree(TokenResponses.issued(TOKEN, NOW.plusSeconds(60), null, "r"));
        JsonNode post = JSON.readTree(TokenResponses.issued(TOKEN, NOW.plusSeconds(60), "repository:a:pull", "r"));

        assertThat(get.propertyNames()).containsExactly("token", "access_token", "expires_in", "issued_at",
                "refresh_token");
        assertThat(post.propertyNames()).containsExactly("access_token", "scope", "expires_in", "issued_at",
                "refresh_token");
        for (String field : List.of("access_token", "expires_in", "issued_at", "refresh_token")) {
            assertThat(post.get(field)).as(field).isEqualTo(get.get(field));
        }
        assertThat(get.get("token").asString()).isEqualTo("h.p.s");
        assertThat(get.get("expires_in").asInt()).isEqualTo(840);
        assertThat(get.get("issued_at").asString()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(post.get("scope").asString()).isEqualTo("repository:a:pull");
    }

    @Test
    void noRefreshTokenNoField() {
        assertThat(JSON.readTree(TokenResponses.issued(TOKEN, NOW, null, null)).has("refresh_token")).isFalse();
        assertThat(JSON.readTree(TokenResponses.issued(TOKEN, NOW, "", null)).has("refresh_token")).isFalse();
    }

    @Test
    void refusalsAreTheRegistryErrorsForGetAndOAuth2ForPost() {
        TokenRequestException e = TokenRequestException.unauthorized("bad \"credentials\"");

        JsonNode get = JSON.readTree(TokenResponses.refused(e, false));
        assertThat(get.get("errors").get(0).get("code").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(get.get("errors").get(0).get("message").asString()).isEqualTo("bad \"credentials\"");
        JsonNode post = JSON.readTree(TokenResponses.refused(e, true));
        assertThat(post.get("error").asString()).isEqualTo("invalid_grant");
        assertThat(post.get("error_description").asString()).isEqualTo("bad \"credentials\"");
        assertThat(JSON.readTree(TokenResponses.refused(TokenRequestException.badRequest("invalid_request", "x"), false))
                .get("errors").get(0).get("code").asString()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void theGetPathWritesWithoutJackson() {
        noClasses().that().haveSimpleName("TokenGetFilter").or().haveSimpleName("TokenResponses")
                .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "com.fasterxml.jackson..")
                .check(new ClassFileImporter().importClasses(TokenGetFilter.class, TokenResponses.class));
    }
}
