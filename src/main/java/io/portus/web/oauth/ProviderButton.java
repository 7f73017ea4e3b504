package io.portus.web.oauth;

/** One "Sign in with ..." button of the sign-in page: {@code href} starts the provider's authorization flow. */
public record ProviderButton(String id, String label) {

    public String href() {
        return SignInProviders.AUTHORIZATION_BASE + "/" + id;
    }
}
