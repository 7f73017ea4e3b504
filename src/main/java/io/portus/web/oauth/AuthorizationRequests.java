package io.portus.web.oauth;

import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * {@code GET /users/auth/<provider>}: Spring Security's authorization requests (random {@code state}, PKCE S256
 * for every provider, a {@code nonce} for OpenID Connect), plus Google's {@code hd} when
 * {@code google_oauth2.options.hd} is set, as Portus passes it (the ID token's {@code hd} is still checked).
 */
final class AuthorizationRequests {

    private AuthorizationRequests() {
    }

    static OAuth2AuthorizationRequestResolver resolver(SignInProviders providers, OauthProperties properties) {
        DefaultOAuth2AuthorizationRequestResolver resolver =
                new DefaultOAuth2AuthorizationRequestResolver(providers, SignInProviders.AUTHORIZATION_BASE);
        String hd = properties.googleOauth2().options().hd().trim();
        if (!hd.isEmpty()) {
            resolver.setAuthorizationRequestCustomizer(builder -> builder.attributes(attributes -> {
                if (SignInProviders.GOOGLE.equals(attributes.get(OAuth2ParameterNames.REGISTRATION_ID))) {
                    builder.additionalParameters(parameters -> parameters.put("hd", hd));
                }
            }));
        }
        return resolver;
    }
}
