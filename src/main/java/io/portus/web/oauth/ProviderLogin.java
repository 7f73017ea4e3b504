package io.portus.web.oauth;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Adds the provider sign-in to the UI's security chain: {@code GET /users/auth/<provider>} starts the
 * authorization code flow (state, PKCE, and a nonce for OpenID Connect, kept in the session), the provider
 * comes back to {@code /users/auth/<provider>/callback}, where Spring Security checks state, exchanges the code
 * with the verifier and validates the ID token; {@link ProviderSignIn} then signs the Portus user in, and every
 * failure goes back to the sign-in page ({@link SignInFailures}). Both paths and {@code /users/oauth} must be
 * open to anonymous users ({@link #PUBLIC_PATHS}).
 */
public final class ProviderLogin {

    public static final String[] PUBLIC_PATHS = {SignInProviders.AUTHORIZATION_BASE + "/**", PendingAccountPages.PATH};

    private final SignInProviders providers;
    private final ProviderUsers users;
    private final ProviderSignIn signIn;
    private final boolean localLogin;
    private final OauthProperties properties;

    ProviderLogin(SignInProviders providers, ProviderUsers users, ProviderSignIn signIn, OauthProperties properties) {
        this.providers = providers;
        this.users = users;
        this.signIn = signIn;
        this.localLogin = properties.localLogin().enabled();
        this.properties = properties;
    }


    public void configure(HttpSecurity http) throws Exception {
        SignInFailures failures = new SignInFailures();
        RestClientAuthorizationCodeTokenResponseClient tokens = new RestClientAuthorizationCodeTokenResponseClient();
        tokens.setRestClient(ProviderHttp.tokenClient());
        http.oauth2Login(o -> o.loginPage(SignInFailures.SIGN_IN)
                .clientRegistrationRepository(providers)
                .authorizedClientRepository(new NoAuthorizedClients())
                .authorizationEndpoint(a -> a.baseUri(SignInProviders.AUTHORIZATION_BASE).authorizationRequestResolver(
                        AuthorizationRequests.resolver(providers, properties)))
                .redirectionEndpoint(r -> r.baseUri(SignInProviders.AUTHORIZATION_BASE + "/*/callback"))
                .tokenEndpoint(t -> t.accessTokenResponseClient(tokens))
                .userInfoEndpoint(u -> u.userService(users.oauth2()).oidcUserService(users.oidc()))
                .successHandler(signIn)
                .failureHandler(failures)
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(failures);
                        return filter;
                    }
                }));
        if (!localLogin) {
            http.addFilterBefore(new LocalLoginOff(), UsernamePasswordAuthenticationFilter.class);
        }
    }
}
