package io.portus.web.oauth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.config.oauth2.client.CommonOAuth2Provider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The client registrations of the enabled providers, built from Portus's {@code oauth.*} keys (never from
 * {@code spring.security.*}). Every one asks for PKCE, confidential clients too. The OpenID Connect provider is
 * found by discovery from its issuer: tried once when the application is ready, and again on each sign-in until
 * it answers, so a provider that is down does not keep Portus from starting; its button then brings the user
 * back to the sign-in page with a message instead.
 */
final class SignInProviders implements ClientRegistrationRepository {

    static final String AUTHORIZATION_BASE = "/users/auth";
    static final String CALLBACK = "{baseUrl}" + AUTHORIZATION_BASE + "/{registrationId}/callback";
    static final String OPENID_CONNECT = "openid_connect";
    static final String GITHUB = "github";
    static final String GITLAB = "gitlab";
    static final String GOOGLE = "google_oauth2";
    static final String BITBUCKET = "bitbucket";

    private static final Logger log = LoggerFactory.getLogger(SignInProviders.class);

    private final OauthProperties properties;
    private final Map<String, ClientRegistration> fixed = new LinkedHashMap<>();
    private final RestClient http = ProviderHttp.apiClient();
    private volatile ClientRegistration discovered;

    SignInProviders(OauthProperties properties) {
        this.properties = properties;
        OauthProperties.Github github = properties.github();
        if (github.enabled()) {
            String base = githubBase(github);
            fixed.put(GITHUB, client(GITHUB, github.clientId(), github.clientSecret()).clientName("GitHub")
                    .authorizationUri(base + "/login/oauth/authorize").tokenUri(base + "/login/oauth/access_token")
                    .userInfoUri(githubApi(github) + "/user").userNameAttributeName("id")
                    .scope("read:user", "user:email", "read:org").build());
        }
        OauthProperties.Gitlab gitlab = properties.gitlab();
        if (gitlab.enabled()) {
            String base = gitlabBase(gitlab);
            fixed.put(GITLAB, client(GITLAB, gitlab.applicationId(), gitlab.secret()).clientName("GitLab")
                    .authorizationUri(base + "/oauth/authorize").tokenUri(base + "/oauth/token")
                    .userInfoUri(base + "/api/v4/user").userNameAttributeName("id")
                    .scope(gitlab.group().isBlank() ? List.of("read_user") : List.of("read_user", "read_api")).build());
        }
        OauthProperties.GoogleOauth2 google = properties.googleOauth2();
        if (google.enabled()) {
            fixed.put(GOOGLE, CommonOAuth2Provider.GOOGLE.getBuilder(GOOGLE).clientId(google.id())
                    .clientSecret(google.secret()).redirectUri(CALLBACK).clientName("Google")
                    .clientSettings(pkce()).build());
        }
        OauthProperties.Bitbucket bitbucket = properties.bitbucket();
        if (bitbucket.enabled()) {
            fixed.put(BITBUCKET, client(BITBUCKET, bitbucket.key(), bitbucket.secret()).clientName("Bitbucket")
                    .authorizationUri("https://bitbucket.org/site/oauth2/authorize")
                    .tokenUri("https://bitbucket.org/site/oauth2/access_token")
                    .userInfoUri(BITBUCKET_API + "/user").userNameAttributeName("uuid")
                    .scope("account", "email").build());
        }
    }

    static final String BITBUCKET_API = "https://api.bitbucket.org/2.0";

    static String githubBase(OauthProperties.Github github) {
        return github.server().isBlank() ? "https://github.com" : strip(github.server());
    }

    /** api.github.com, or {@code <server>/api/v3} on GitHub Enterprise. */
    static String githubApi(OauthProperties.Github github) {
        return github.server().isBlank() ? "https://api.github.com" : strip(github.server()) + "/api/v3";
    }

    static String gitlabBase(OauthProperties.Gitlab gitlab) {
        return gitlab.server().isBlank() ? "https://gitlab.com" : strip(gitlab.server());
    }

    private static String strip(String url) {
        String u = url.trim();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    private static ClientRegistration.Builder client(String id, String clientId, String secret) {
        return ClientRegistration.withRegistrationId(id).clientId(clientId).clientSecret(secret)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .redirectUri(CALLBACK).clientSettings(pkce());
    }

    private static ClientRegistration.ClientSettings pkce() {
        return ClientRegistration.ClientSettings.builder().requireProofKey(true).build();
    }

    /** How the pages name a provider ({@code users.provider}); unknown ones by their id. */
    static String label(String id) {
        return switch (id) {
            case OPENID_CONNECT -> "OpenID Connect";
            case GITHUB -> "GitHub";
            case GITLAB -> "GitLab";
            case GOOGLE -> "Google";
            case BITBUCKET -> "Bitbucket";
            case "ldap" -> "LDAP";
            default -> id;
        };
    }

    /** The buttons of the sign-in page, in Portus's order. */
    List<ProviderButton> buttons() {
        List<ProviderButton> buttons = new ArrayList<>();
        if (properties.openidConnect().enabled()) {
            buttons.add(new ProviderButton(OPENID_CONNECT, "OpenID Connect"));
        }
        fixed.forEach((id, r) -> buttons.add(new ProviderButton(id, r.getClientName())));
        return buttons;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (OPENID_CONNECT.equals(registrationId) && properties.openidConnect().enabled()) {
            return discover();
        }
        return fixed.get(registrationId);
    }

    @EventListener(ApplicationReadyEvent.class)
    void discoverAtStart() {
        if (properties.openidConnect().enabled()) {
            Thread.ofVirtual().name("oidc-discovery").start(() -> {
                try {
                    discover();
                } catch (ProviderUnavailableException e) {
                    // logged by discover(); tried again at the next sign-in
                }
            });
        }
    }

    /** The OpenID Connect registration, discovered from the issuer once it answers. */
    private ClientRegistration discover() {
        ClientRegistration registration = discovered;
        if (registration != null) {
            return registration;
        }
        synchronized (this) {
            if (discovered == null) {
                discovered = fromIssuer(properties.openidConnect());
                log.info("OpenID Connect provider {} discovered", properties.openidConnect().issuer());
            }
            return discovered;
        }
    }

    private ClientRegistration fromIssuer(OauthProperties.OpenidConnect oidc) {
        String issuer = oidc.issuer().trim();
        Map<String, Object> configuration;
        try {
            configuration = http.get().uri(strip(issuer) + "/.well-known/openid-configuration").retrieve()
                    .body(new ParameterizedTypeReference<>() { });
            if (configuration == null || !Objects.equals(configuration.get("issuer"), issuer)) {
                throw new IllegalStateException("its discovery document names issuer "
                        + (configuration == null ? null : configuration.get("issuer")) + ", not " + issuer);
            }
            ClientRegistration.Builder builder = ClientRegistrations.fromOidcConfiguration(configuration)
                    .registrationId(OPENID_CONNECT).clientName("OpenID Connect")
                    .clientId(oidc.identifier()).clientSecret(oidc.secret()).redirectUri(CALLBACK)
                    .scope("openid", "profile", "email").userNameAttributeName("sub").clientSettings(pkce());
            if (oidc.secret().isBlank()) {
                builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
            }
            return builder.build();
        } catch (RuntimeException e) {
            log.warn("OpenID Connect provider {} did not answer its discovery request: {}", issuer, e.toString());
            throw new ProviderUnavailableException("The OpenID Connect provider is not available right now. "
                    + "Try again later, or tell your administrator.", e);
        }
    }
}
