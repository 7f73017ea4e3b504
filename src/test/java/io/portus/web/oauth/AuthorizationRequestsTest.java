package io.portus.web.oauth;

import io.portus.it.FreePorts;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The authorization requests the sign-in buttons start: every provider with state and PKCE (S256, also for
 * confidential clients), a nonce for OpenID Connect providers, Google's hd; an OpenID provider that does not
 * answer discovery is a sign-in failure with a message, not an error.
 */
class AuthorizationRequestsTest {

    static OauthProperties properties(String issuer, String hd) {
        return new OauthProperties(new OauthProperties.LocalLogin(true),
                new OauthProperties.OpenidConnect(!issuer.isEmpty(), issuer, "portus", "s3"),
                new OauthProperties.Github(true, "gh-id", "gh-secret", "acme", "", "", "https://github.example/"),
                new OauthProperties.Gitlab(false, "", "", "", "", ""),
                new OauthProperties.GoogleOauth2(true, "g-id", "g-secret", "", new OauthProperties.GoogleOauth2.Options(hd)),
                new OauthProperties.Bitbucket(false, "", "", "", new OauthProperties.Bitbucket.Options("")));
    }

    static OAuth2AuthorizationRequest start(OauthProperties properties, String provider) {
        SignInProviders providers = new SignInProviders(properties);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/users/auth/" + provider);
        request.setServletPath("/users/auth/" + provider);
        return AuthorizationRequests.resolver(providers, properties).resolve(request);
    }

    @Test
    void gitHubEnterpriseGetsStateAndPkce() {
        OAuth2AuthorizationRequest request = start(properties("", ""), "github");
        assertThat(request.getAuthorizationUri()).isEqualTo("https://github.example/login/oauth/authorize");
        assertThat(request.getState()).isNotBlank();
        assertThat(request.getAdditionalParameters()).containsEntry(PkceParameterNames.CODE_CHALLENGE_METHOD, "S256")
                .containsKey(PkceParameterNames.CODE_CHALLENGE);
        assertThat(request.getRedirectUri()).isEqualTo("http://localhost/users/auth/github/callback");
    }

    @Test
    void googleGetsNonceAndItsWorkspaceDomain() {
        OAuth2AuthorizationRequest request = start(properties("", "corp.example"), "google_oauth2");
        assertThat(request.getAdditionalParameters()).containsEntry("hd", "corp.example").containsKey("nonce")
                .containsKey(PkceParameterNames.CODE_CHALLENGE);
        assertThat(start(properties("", ""), "google_oauth2").getAdditionalParameters()).doesNotContainKey("hd");
    }

    @Test
    void anIssuerThatDoesNotAnswerIsAFailureWithAMessage() {
        OauthProperties properties = properties("http://127.0.0.1:" + FreePorts.next(), "");
        assertThatThrownBy(() -> start(properties, "openid_connect"))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("not available right now");
        assertThat(new SignInProviders(properties).buttons()).extracting(ProviderButton::id)
                .containsExactly("openid_connect", "github", "google_oauth2");
        assertThat(new SignInProviders(properties).findByRegistrationId("gitlab")).isNull();
    }
}
