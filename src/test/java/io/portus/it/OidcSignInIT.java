package io.portus.it;

import idp.TestOidcProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in with an OpenID provider, GitHub and GitLab, in plain HTTP against the real jar: the test OpenID provider
 * ({@link TestOidcProvider}, Spring Authorization Server in its own process) and local GitHub and GitLab
 * stand-ins ({@link GithubStandIn}, {@link GitlabStandIn}: github.com and gitlab.com are unreachable from the
 * test machines, so local servers speaking their API shapes play them). A {@link CookieBrowser} follows the
 * redirects and fills the provider's login form.
 * Covered: first sign-in creates the account, the next finds it; a taken name leads to {@code /users/oauth}
 * (CSRF-protected); tampered callbacks (wrong state, replayed code, another session's code so the PKCE verifier
 * does not match, a code without verifier, a forged nonce, an ID token of another issuer) end on the sign-in
 * page with a message and no session; a disabled user is refused; GitHub's organization restriction; GitLab's
 * group restriction (an administrator outside the group too) and its {@code domain} restriction.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcSignInIT {

    static final String ADMIN_PASSWORD = "admin-password-1";
    static final String CALLBACK = "/users/auth/openid_connect/callback";

    OidcProviderProcess provider;
    GithubStandIn github;
    GitlabStandIn gitlab;
    PortusProcess portus;
    PortusApi api;

    @BeforeAll
    void start() {
        provider = OidcProviderProcess.launch();
        github = GithubStandIn.start();
        gitlab = GitlabStandIn.start();
        portus = PortusProcess.builder("oidc-signin")
                .env("PORTUS_OAUTH_OPENID_CONNECT_ENABLED", "true")
                .env("PORTUS_OAUTH_OPENID_CONNECT_ISSUER", provider.issuer())
                .env("PORTUS_OAUTH_OPENID_CONNECT_IDENTIFIER", TestOidcProvider.CLIENT_ID)
                .env("PORTUS_OAUTH_OPENID_CONNECT_SECRET", TestOidcProvider.CLIENT_SECRET)
                .env("PORTUS_OAUTH_GITHUB_ENABLED", "true")
                .env("PORTUS_OAUTH_GITHUB_CLIENT_ID", GithubStandIn.CLIENT_ID)
                .env("PORTUS_OAUTH_GITHUB_CLIENT_SECRET", GithubStandIn.CLIENT_SECRET)
                .env("PORTUS_OAUTH_GITHUB_ORGANIZATION", GithubStandIn.ORG)
                .env("PORTUS_OAUTH_GITHUB_SERVER", github.base())
                .env("PORTUS_OAUTH_GITLAB_ENABLED", "true")
                .env("PORTUS_OAUTH_GITLAB_APPLICATION_ID", GitlabStandIn.APPLICATION_ID)
                .env("PORTUS_OAUTH_GITLAB_SECRET", GitlabStandIn.SECRET)
                .env("PORTUS_OAUTH_GITLAB_GROUP", GitlabStandIn.GROUP)
                .env("PORTUS_OAUTH_GITLAB_DOMAIN", GitlabStandIn.DOMAIN)
                .env("PORTUS_OAUTH_GITLAB_SERVER", gitlab.base())
                .start();
        api = new PortusApi(portus.baseUri().toString());
        api.bootstrap("admin", ADMIN_PASSWORD);
    }

    @AfterAll
    void stop() {
        Closer.closeAll(portus, github, gitlab, provider);
    }

    @Test
    @Order(1)
    void theSignInPageOffersTheProvidersBesideThePasswordForm() {
        CookieBrowser.Page page = new CookieBrowser().get(portus("/users/sign_in"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Sign in with OpenID Connect", "href=\"/users/auth/openid_connect\"",
                "Sign in with GitHub", "Sign in with GitLab", "name=\"password\"");
    }

    @Test
    @Order(2)
    void aFirstSignInCreatesTheAccountAndTheNextFindsIt() {
        CookieBrowser alice = new CookieBrowser();
        CookieBrowser.Page dashboard = alice.follow(alice.get(providerCallback(alice, "alice")));
        assertThat(dashboard.uri().getPath()).isEqualTo("/dashboard");
        assertThat(dashboard.body()).contains("alice");
        CookieBrowser.Page profile = alice.get(portus("/profile"));
        assertThat(profile.body()).contains("sso-docker-hint", "application token").doesNotContain("id=\"password-form\"");
        JsonNode user = api.user("alice@idp.example");
        assertThat(user.path("username").asString()).isEqualTo("alice");
        assertThat(user.path("admin").asBoolean()).isFalse();

        CookieBrowser again = new CookieBrowser();
        assertThat(again.follow(again.get(providerCallback(again, "alice"))).uri().getPath()).isEqualTo("/dashboard");
        assertThat(api.user("alice@idp.example").path("id").asLong()).isEqualTo(user.path("id").asLong());
    }

    @Test
    @Order(3)
    void aTakenNameLeadsToTheUsersOauthPage() {
        CookieBrowser b = new CookieBrowser();
        CookieBrowser.Page page = b.follow(b.get(providerCallback(b, "admin")));
        assertThat(page.uri().getPath()).isEqualTo("/users/oauth");
        assertThat(text(page)).contains("Choose your user name", "has already been taken");
        assertThat(b.post(portus("/users/oauth"), Map.of("username", "admin-idp")).status()).isEqualTo(403);
        Map<String, String> form = new HashMap<>(CookieBrowser.hidden(page.body()));
        form.put("username", "portus");
        assertThat(text(b.follow(b.post(portus("/users/oauth"), form)))).contains("is reserved");
        form.put("username", "admin-idp");
        CookieBrowser.Page done = b.follow(b.post(portus("/users/oauth"), form));
        assertThat(done.uri().getPath()).isEqualTo("/dashboard");
        assertThat(text(done)).contains("Successfully registered as 'admin-idp'!");
        assertThat(api.user("admin@idp.example").path("username").asString()).isEqualTo("admin-idp");
        // without a pending identity the page sends people back
        assertThat(new CookieBrowser().get(portus("/users/oauth")).location()).endsWith("/users/sign_in");
    }

    @Test
    @Order(4)
    void aWrongStateIsRefused() {
        CookieBrowser b = new CookieBrowser();
        URI callback = providerCallback(b, "alice");
        URI tampered = portus(CALLBACK + "?code=" + param(callback, "code") + "&state=forged-state");
        assertRefused(b, b.follow(b.get(tampered)), "could not be matched");
    }

    @Test
    @Order(5)
    void aReplayedCodeIsRefused() {
        CookieBrowser a = new CookieBrowser();
        URI callback = providerCallback(a, "alice");
        assertThat(a.follow(a.get(callback)).uri().getPath()).isEqualTo("/dashboard");
        // the same callback again: its authorization request is used up
        CookieBrowser replay = new CookieBrowser();
        assertRefused(replay, replay.follow(replay.get(callback)), "could not be matched");
        // the used code with a fresh state of another session: the provider refuses it
        CookieBrowser b = new CookieBrowser();
        String state = param(b.get(portus("/users/auth/openid_connect")).next(), "state");
        URI injected = portus(CALLBACK + "?code=" + param(callback, "code") + "&state=" + state);
        assertRefused(b, b.follow(b.get(injected)), "The provider refused this sign-in");
    }

    @Test
    @Order(6)
    void aCodeOfAnotherSessionFailsItsPkceCheckAndACodeAloneIsUseless() {
        CookieBrowser victim = new CookieBrowser();
        URI stolen = providerCallback(victim, "alice");
        CookieBrowser attacker = new CookieBrowser();
        String state = param(attacker.get(portus("/users/auth/openid_connect")).next(), "state");
        URI injected = portus(CALLBACK + "?code=" + param(stolen, "code") + "&state=" + state);
        assertRefused(attacker, attacker.follow(attacker.get(injected)), "The provider refused this sign-in");

        CookieBrowser other = new CookieBrowser();
        URI fresh = providerCallback(other, "alice");
        HttpResponse<String> token = tokenWithoutVerifier(param(fresh, "code"));
        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(token.body()).contains("invalid_grant");
    }

    @Test
    @Order(7)
    void forgedIdTokensAreRefused() {
        for (String mallory : new String[] {"mallory-nonce", "mallory-iss"}) {
            CookieBrowser b = new CookieBrowser();
            assertRefused(b, b.follow(b.get(providerCallback(b, mallory))), "could not be verified");
            assertThat(api.user(mallory + "@idp.example")).as(mallory).isNull();
        }
    }

    @Test
    @Order(8)
    void aDisabledUserIsRefused() {
        CookieBrowser first = new CookieBrowser();
        assertThat(first.follow(first.get(providerCallback(first, "bob"))).uri().getPath()).isEqualTo("/dashboard");
        api.disableUser(api.user("bob@idp.example").path("id").asLong());
        assertThat(first.get(portus("/dashboard")).location()).endsWith("/users/sign_in");
        CookieBrowser b = new CookieBrowser();
        assertRefused(b, b.follow(b.get(providerCallback(b, "bob"))), "Your account is disabled");
    }

    @Test
    @Order(9)
    void gitHubLetsInMembersOfTheOrganizationOnly() {
        CookieBrowser octocat = new CookieBrowser();
        CookieBrowser.Page page = octocat.follow(octocat.get(githubCallback(octocat, "octocat")));
        assertThat(page.uri().getPath()).isEqualTo("/dashboard");
        JsonNode user = api.user("octocat@github.example");
        assertThat(user.path("username").asString()).isEqualTo("octocat");

        CookieBrowser hubot = new CookieBrowser();
        assertRefused(hubot, hubot.follow(hubot.get(githubCallback(hubot, "hubot"))),
                "The GitHub account isn't in the allowed organization.");
        assertThat(api.user("hubot@github.example")).isNull();
    }

    @Test
    @Order(10)
    void gitLabLetsInMembersOfTheGroupWithAnEmailOfTheDomainOnly() {
        CookieBrowser ada = new CookieBrowser();
        assertThat(ada.follow(ada.get(gitlabCallback(ada, "ada")))
                .uri().getPath()).isEqualTo("/dashboard");
        JsonNode user = api.user("ada@" + GitlabStandIn.DOMAIN);
        assertThat(user.path("username").asString()).isEqualTo("ada");
        // the profile names the account's users.provider
        assertThat(ada.get(portus("/profile")).body()).contains("You sign in through <strong>GitLab</strong>");
        CookieBrowser again = new CookieBrowser();
        assertThat(again.follow(again.get(gitlabCallback(again, "ada")))
                .uri().getPath()).isEqualTo("/dashboard");
        assertThat(api.user("ada@" + GitlabStandIn.DOMAIN).path("id").asLong()).isEqualTo(user.path("id").asLong());

        // bert is in another group; root is a GitLab administrator, to whom GitLab lists every group
        for (String outsider : new String[] {"bert", "root"}) {
            CookieBrowser b = new CookieBrowser();
            assertRefused(b, b.follow(b.get(gitlabCallback(b, outsider))),
                    "The GitLab account isn't in the allowed group.");
            assertThat(api.user(outsider + "@" + GitlabStandIn.DOMAIN)).as(outsider).isNull();
        }
        CookieBrowser carol = new CookieBrowser();
        assertRefused(carol, carol.follow(carol.get(gitlabCallback(carol, "carol"))),
                "Email addresses on the domain elsewhere.example aren't allowed.");
        assertThat(api.user("carol@elsewhere.example")).isNull();
    }

    @Test
    @Order(11)
    void nonsenseOnTheSignInPathsEndsOnTheSignInPage() {
        CookieBrowser b = new CookieBrowser();
        assertRefused(b, b.follow(b.get(portus("/users/auth/bitbucket"))), "This sign-in provider is not enabled");
        assertRefused(b, b.follow(b.get(portus(CALLBACK))), "The sign-in with your provider failed");
        assertRefused(b, b.follow(b.get(portus(CALLBACK + "?error=access_denied&state=x"))), "could not be matched");
        assertRefused(b, b.follow(b.get(portus("/users/auth/nope/callback?code=1&state=2"))), "could not be matched");
    }

    /** Starts the OpenID Connect sign-in, signs in at the provider as {@code user}; the callback, not yet delivered. */
    URI providerCallback(CookieBrowser b, String user) {
        CookieBrowser.Page start = b.get(portus("/users/auth/openid_connect"));
        assertThat(start.status()).isEqualTo(302);
        URI authorize = start.next();
        assertThat(authorize.toString()).startsWith(provider.issuer() + "/oauth2/authorize");
        assertThat(param(authorize, "code_challenge")).isNotBlank();
        assertThat(param(authorize, "code_challenge_method")).isEqualTo("S256");
        assertThat(param(authorize, "nonce")).isNotBlank();
        CookieBrowser.Page login = b.follow(b.get(authorize));
        assertThat(login.uri().getPath()).isEqualTo("/login");
        Map<String, String> form = new HashMap<>(CookieBrowser.hidden(login.body()));
        form.put("username", user);
        form.put("password", TestOidcProvider.PASSWORD);
        URI callback = b.followUntil(b.post(login.uri(), form), CALLBACK);
        assertThat(param(callback, "code")).isNotBlank();
        return callback;
    }

    URI githubCallback(CookieBrowser b, String login) {
        return standInCallback(b, "github", github.base() + "/login/oauth/authorize", login);
    }

    URI gitlabCallback(CookieBrowser b, String login) {
        return standInCallback(b, "gitlab", gitlab.base() + "/oauth/authorize", login);
    }

    /** Starts the sign-in with a stand-in {@code provider}, picks {@code login} on its authorize page; the callback. */
    URI standInCallback(CookieBrowser b, String provider, String authorizeUrl, String login) {
        CookieBrowser.Page start = b.get(portus("/users/auth/" + provider));
        assertThat(start.next().toString()).startsWith(authorizeUrl);
        CookieBrowser.Page page = b.get(start.next());
        Map<String, String> form = new HashMap<>(CookieBrowser.hidden(page.body()));
        form.put("login", login);
        return b.followUntil(b.post(URI.create(authorizeUrl), form), "/users/auth/" + provider + "/callback");
    }

    /** Back on the sign-in page with {@code message}, and not signed in. */
    void assertRefused(CookieBrowser b, CookieBrowser.Page page, String message) {
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/users/sign_in");
        assertThat(text(page)).contains(message);
        assertThat(b.get(portus("/dashboard")).location()).endsWith("/users/sign_in");
    }

    HttpResponse<String> tokenWithoutVerifier(String code) {
        String basic = Base64.getEncoder().encodeToString((TestOidcProvider.CLIENT_ID + ":" + TestOidcProvider.CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=authorization_code&code=" + code + "&redirect_uri="
                + java.net.URLEncoder.encode(portus(CALLBACK).toString(), StandardCharsets.UTF_8);
        try {
            return Http.client(false).send(HttpRequest.newBuilder(URI.create(provider.issuer() + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    URI portus(String path) {
        return portus.baseUri().resolve(path);
    }

    static String param(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static String text(CookieBrowser.Page page) {
        return page.body().replace("&#39;", "'").replace("&#x27;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
