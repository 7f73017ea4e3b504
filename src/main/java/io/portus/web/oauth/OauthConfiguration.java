package io.portus.web.oauth;

import io.portus.account.ExternalAccounts;
import io.portus.web.security.SessionSignIn;
import io.portus.web.support.UiSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;

/** The provider sign-in's parts, from {@link OauthProperties}. */
@Configuration(proxyBeanMethods = false)
class OauthConfiguration {

    @Bean
    SignInProviders signInProviders(OauthProperties properties) {
        return new SignInProviders(properties);
    }

    @Bean
    SignInOptions signInOptions(SignInProviders providers, OauthProperties properties) {
        return new SignInOptions(providers, properties);
    }

    /** Found by Spring Security's OpenID Connect login provider (by type) in place of its own factory. */
    @Bean
    JwtDecoderFactory<ClientRegistration> idTokenDecoders() {
        return new IdTokenDecoders();
    }

    @Bean
    ProviderAccounts providerAccounts(ExternalAccounts accounts, UiSettings settings) {
        return new ProviderAccounts(accounts, settings);
    }

    @Bean
    ProviderLogin providerLogin(SignInProviders providers, OauthProperties properties, ProviderAccounts accounts,
                                SessionSignIn sessions) {
        ProviderApi api = new ProviderApi();
        ProviderUsers users = new ProviderUsers(properties, new Restrictions(properties, api), api);
        return new ProviderLogin(providers, users, new ProviderSignIn(accounts, sessions), properties);
    }
}
