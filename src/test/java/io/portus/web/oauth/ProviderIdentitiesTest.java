package io.portus.web.oauth;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a provider said becomes a Portus identity and name; the restrictions that need no provider call. */
class ProviderIdentitiesTest {

    @Test
    void eachProviderNamesItsIdNameAndEmail() {
        ProviderIdentity oidc = ProviderUsers.of("openid_connect", Map.of("sub", "abc-1", "preferred_username", "jane",
                "email", "jane@example.com", "email_verified", true, "name", "Jane"));
        assertThat(oidc).isEqualTo(new ProviderIdentity("openid_connect", "abc-1", "jane", "jane@example.com", "Jane"));
        ProviderIdentity github = ProviderUsers.of("github", Map.of("id", 42, "login", "octo", "email", "o@gh.example"));
        assertThat(github.uid()).isEqualTo("42");
        assertThat(github.name()).isEqualTo("octo");
        assertThat(ProviderUsers.of("gitlab", Map.of("id", 7, "username", "gl")).name()).isEqualTo("gl");
        assertThat(ProviderUsers.of("bitbucket", Map.of("uuid", "{u-1}", "nickname", "bb")).name()).isEqualTo("bb");
        // an email the provider has not verified is not taken
        assertThat(ProviderUsers.of("google_oauth2", Map.of("sub", "1", "email", "x@y.example", "email_verified", false))
                .email()).isNull();
    }

    @Test
    void theSuggestedNameDropsWhatPortusRefuses() {
        assertThat(UsernameSuggestion.of(new ProviderIdentity("github", "1", "Jane Doe:x", null, null))).isEqualTo("JaneDoex");
        assertThat(UsernameSuggestion.of(new ProviderIdentity("github", "1", "portus_global_team", null, null))).isEqualTo("team");
        assertThat(UsernameSuggestion.of(new ProviderIdentity("google_oauth2", "1", null, "jane.doe@example.com", null)))
                .isEqualTo("jane.doe");
        assertThat(UsernameSuggestion.of(new ProviderIdentity("google_oauth2", "1", null, null, null))).isEmpty();
    }

    @Test
    void theEmailDomainAndTheGoogleWorkspaceDomainAreEnforced() {
        OauthProperties properties = new OauthProperties(new OauthProperties.LocalLogin(true),
                new OauthProperties.OpenidConnect(false, "", "", ""),
                new OauthProperties.Github(true, "id", "secret", "", "", "example.com", ""),
                new OauthProperties.Gitlab(false, "", "", "", "", ""),
                new OauthProperties.GoogleOauth2(true, "id", "secret", "", new OauthProperties.GoogleOauth2.Options("corp.example")),
                new OauthProperties.Bitbucket(false, "", "", "", new OauthProperties.Bitbucket.Options("")));
        Restrictions restrictions = new Restrictions(properties, new ProviderApi());

        assertThatCode(() -> restrictions.check(new ProviderIdentity("github", "1", "a", "a@Example.com", null), Map.of(), "t"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> restrictions.check(new ProviderIdentity("github", "1", "a", "a@evil.example", null), Map.of(), "t"))
                .hasMessage("Email addresses on the domain evil.example aren't allowed.");
        assertThatThrownBy(() -> restrictions.check(new ProviderIdentity("google_oauth2", "1", null, "a@b", null),
                Map.of("hd", "other.example"), "t")).hasMessage("The Google account isn't a member of corp.example.");
        assertThatCode(() -> restrictions.check(new ProviderIdentity("google_oauth2", "1", null, "a@b", null),
                Map.of("hd", "corp.example"), "t")).doesNotThrowAnyException();
        assertThat(properties.github().toString()).doesNotContain("secret");
    }

    @Test
    void failuresBecomeOurOwnMessagesNeverTheCallbacksText() {
        OAuth2AuthenticationException forged = new OAuth2AuthenticationException(
                new OAuth2Error("<script>", "<b>click here</b>", null));
        assertThat(SignInFailures.message(forged)).doesNotContain("<").contains("failed");
        assertThat(SignInFailures.message(new OAuth2AuthenticationException("authorization_request_not_found")))
                .contains("could not be matched");
        assertThat(SignInFailures.message(new OAuth2AuthenticationException("invalid_nonce"))).contains("could not be verified");
        assertThat(SignInFailures.message(Restrictions.refused("The GitHub account isn't in the allowed team.")))
                .isEqualTo("The GitHub account isn't in the allowed team.");
    }
}
