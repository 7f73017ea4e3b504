package io.portus.web;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import idp.TestOidcProvider;
import io.portus.it.FreePorts;
import io.portus.it.Closer;
import io.portus.it.GithubStandIn;
import io.portus.it.Http;
import io.portus.it.OidcProviderProcess;
import io.portus.it.PortusProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in with an OpenID provider in Debian's Chromium against the real jar, the provider being the test's
 * Spring Authorization Server process ({@link TestOidcProvider}): the sign-in page's button, the provider's login
 * form, the {@code /users/oauth} page when the provider's name is taken, the dashboard, the profile's hint to use an
 * application token for {@code docker login}, a tampered callback refused. A second Portus has the password form
 * switched off ({@code PORTUS_OAUTH_LOCAL_LOGIN_ENABLED=false}), an OpenID provider that does not answer (it still
 * starts; the button explains) and GitHub played by a local stand-in ({@link GithubStandIn}, as github.com is
 * unreachable here), whose first user becomes the admin. Screenshots: {@code target/screenshots/oidc-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcFlowIT {

    OidcProviderProcess provider;
    GithubStandIn github;
    PortusProcess portus;
    PortusProcess ssoOnly;
    Chromium chromium;
    String base;

    @BeforeAll
    void start() throws Exception {
        provider = OidcProviderProcess.launch();
        github = GithubStandIn.start();
        portus = PortusProcess.builder("oidc-flow")
                .env("PORTUS_OAUTH_OPENID_CONNECT_ENABLED", "true")
                .env("PORTUS_OAUTH_OPENID_CONNECT_ISSUER", provider.issuer())
                .env("PORTUS_OAUTH_OPENID_CONNECT_IDENTIFIER", TestOidcProvider.CLIENT_ID)
                .env("PORTUS_OAUTH_OPENID_CONNECT_SECRET", TestOidcProvider.CLIENT_SECRET)
                .start();
        base = portus.baseUri().toString();
        HttpResponse<String> bootstrap = Http.client(false).send(HttpRequest.newBuilder(URI.create(base + "/api/v1/users/bootstrap"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"user\":{\"username\":\"admin\",\"email\":\"admin@example.com\",\"password\":\"admin-password-1\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bootstrap.statusCode()).isEqualTo(201);
        chromium = new Chromium();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        Closer.closeAll(ssoOnly, portus, github, provider);
    }

    @Test
    @Order(1)
    void aNewUserSignsInWithTheProviderAndChoosesAFreeName() {
        Page page = chromium.newSession();
        page.navigate(base + "/users/sign_in");
        assertThat(page.locator("#sign-in-openid_connect")).hasText("Sign in with OpenID Connect");
        assertThat(page.locator("#password")).isVisible();
        chromium.screenshot(page, "oidc-01-sign-in-with-provider-button");
        page.click("#sign-in-openid_connect");
        assertThat(page).hasURL(provider.issuer() + "/login");
        page.fill("#username", "admin");
        page.fill("#password", TestOidcProvider.PASSWORD);
        chromium.screenshot(page, "oidc-02-provider-login");
        page.click("button[type=submit]");
        assertThat(page).hasURL(base + "/users/oauth");
        assertThat(page.locator("#oauth-account")).containsText("has already been taken");
        chromium.screenshot(page, "oidc-03-users-oauth-choose-name");
        page.fill("#username", "admin-sso");
        page.click("button:has-text('Create account')");
        assertThat(page).hasURL(base + "/dashboard");
        assertThat(page.locator(".alert-success")).containsText("Successfully registered as 'admin-sso'!");
        assertThat(page.locator("nav")).containsText("admin-sso");
        assertThat(page.locator("#token-login-hint")).containsText("application token");
        chromium.screenshot(page, "oidc-04-dashboard-after-provider-sign-in");
        page.navigate(base + "/profile");
        assertThat(page.locator("#sso-docker-hint")).containsText("create an application token");
        assertThat(page.locator("#password-form")).hasCount(0);
        chromium.screenshot(page, "oidc-05-profile-application-token-hint");
    }

    @Test
    @Order(2)
    void aKnownUserGoesStraightToTheDashboardAndATamperedCallbackIsRefused() {
        Page alice = chromium.newSession();
        alice.navigate(base + "/users/sign_in");
        alice.click("#sign-in-openid_connect");
        alice.fill("#username", "alice");
        alice.fill("#password", TestOidcProvider.PASSWORD);
        alice.click("button[type=submit]");
        assertThat(alice).hasURL(base + "/dashboard");
        alice.context().close();

        Page mallory = chromium.newSession();
        mallory.navigate(base + "/users/auth/openid_connect/callback?code=stolen&state=forged");
        assertThat(mallory).hasURL(base + "/users/sign_in");
        assertThat(mallory.locator(".alert-danger")).containsText("could not be matched");
        chromium.screenshot(mallory, "oidc-06-tampered-callback-refused");
        mallory.navigate(base + "/dashboard");
        assertThat(mallory).hasURL(base + "/users/sign_in");
    }

    @Test
    @Order(3)
    void withoutLocalLoginOnlyTheProvidersRemainAndTheFirstOneInIsAdmin() {
        ssoOnly = PortusProcess.builder("oidc-sso-only")
                .env("PORTUS_OAUTH_LOCAL_LOGIN_ENABLED", "false")
                .env("PORTUS_OAUTH_OPENID_CONNECT_ENABLED", "true")
                .env("PORTUS_OAUTH_OPENID_CONNECT_ISSUER", "http://127.0.0.1:" + FreePorts.next())
                .env("PORTUS_OAUTH_OPENID_CONNECT_IDENTIFIER", "nobody")
                .env("PORTUS_OAUTH_GITHUB_ENABLED", "true")
                .env("PORTUS_OAUTH_GITHUB_CLIENT_ID", GithubStandIn.CLIENT_ID)
                .env("PORTUS_OAUTH_GITHUB_CLIENT_SECRET", GithubStandIn.CLIENT_SECRET)
                .env("PORTUS_OAUTH_GITHUB_SERVER", github.base())
                .start();
        String sso = ssoOnly.baseUri().toString();
        Page page = chromium.newSession();
        page.navigate(sso + "/");
        assertThat(page).hasURL(sso + "/users/sign_in");
        assertThat(page.locator("#password")).hasCount(0);
        assertThat(page.locator("a:has-text('Create an account')")).hasCount(0);
        assertThat(page.locator("#sign-in-github")).isVisible();
        chromium.screenshot(page, "oidc-07-sign-in-local-login-disabled");

        APIResponse password = page.request().post(sso + "/users/sign_in", RequestOptions.create().setForm(FormData.create()
                .set("_csrf", page.locator("meta[name=csrf-token]").getAttribute("content"))
                .set("username", "admin").set("password", "whatever-1")).setMaxRedirects(0));
        assertThat(password.status()).isEqualTo(302);
        assertThat(password.headers().get("location")).endsWith("/users/sign_in");
        page.navigate(sso + "/users/sign_up");
        assertThat(page).hasURL(sso + "/users/sign_in");
        assertThat(page.locator(".alert-danger")).containsText("Sign-in with a password is disabled");

        page.click("#sign-in-openid_connect");
        assertThat(page).hasURL(sso + "/users/sign_in");
        assertThat(page.locator(".alert-danger")).containsText("The OpenID Connect provider is not available right now");
        chromium.screenshot(page, "oidc-08-provider-down-message");

        page.click("#sign-in-github");
        page.fill("#login", "octocat");
        page.click("button:has-text('Authorize')");
        assertThat(page).hasURL(sso + "/dashboard");
        assertThat(page.locator("nav")).containsText("Admin");
        chromium.screenshot(page, "oidc-09-first-github-user-is-admin");
    }
}
