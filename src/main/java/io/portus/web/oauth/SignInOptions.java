package io.portus.web.oauth;

import java.util.List;

/** What the sign-in page offers: the providers' buttons, and the password form unless local login is off. */
public final class SignInOptions {

    private final SignInProviders providers;
    private final boolean localLogin;

    SignInOptions(SignInProviders providers, OauthProperties properties) {
        this.providers = providers;
        this.localLogin = properties.localLogin().enabled();
    }

    public List<ProviderButton> buttons() {
        return providers.buttons();
    }

    /** How the pages name a provider of {@code users.provider} ("GitHub", "OpenID Connect", ...). */
    public static String label(String provider) {
        return SignInProviders.label(provider);
    }

    /** {@code oauth.local_login.enabled}: the password form and sign-up. */
    public boolean localLogin() {
        return localLogin;
    }
}
