package io.portus.web.oauth;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.client.RestClientException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who signed in, from the provider's user info (GitHub, GitLab, Bitbucket) or ID token (OpenID Connect, Google),
 * as a {@link ProviderIdentity}; then the provider's restrictions ({@link Restrictions}). GitHub and Bitbucket
 * may keep the email out of the user info: their email lists give the primary, verified one.
 */
final class ProviderUsers {

    private final DefaultOAuth2UserService oauth2 = new DefaultOAuth2UserService();
    private final OidcUserService oidc = new OidcUserService();
    private final Restrictions restrictions;
    private final ProviderApi api;
    private final OauthProperties properties;

    ProviderUsers(OauthProperties properties, Restrictions restrictions, ProviderApi api) {
        this.properties = properties;
        this.restrictions = restrictions;
        this.api = api;
        oauth2.setRestOperations(ProviderHttp.restTemplate());
        DefaultOAuth2UserService userInfo = new DefaultOAuth2UserService();
        userInfo.setRestOperations(ProviderHttp.restTemplate());
        oidc.setOauth2UserService(userInfo);
    }

    OAuth2UserService<OAuth2UserRequest, OAuth2User> oauth2() {
        return request -> {
            OAuth2User user = oauth2.loadUser(request);
            String provider = request.getClientRegistration().getRegistrationId();
            String token = request.getAccessToken().getTokenValue();
            Map<String, Object> attributes = new HashMap<>(user.getAttributes());
            if (!(attributes.get("email") instanceof String s) || s.isBlank()) {
                String email = primaryEmail(provider, token);
                if (email != null) {
                    attributes.put("email", email);
                }
            }
            restrictions.check(of(provider, attributes), attributes, token);
            String key = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUserNameAttributeName();
            return new DefaultOAuth2User(user.getAuthorities(), attributes, key);
        };
    }

    OAuth2UserService<OidcUserRequest, OidcUser> oidc() {
        return request -> {
            OidcUser user = oidc.loadUser(request);
            String provider = request.getClientRegistration().getRegistrationId();
            restrictions.check(of(provider, user.getAttributes()), user.getAttributes(),
                    request.getAccessToken().getTokenValue());
            return user;
        };
    }

    /** The identity of a signed-in provider user, from the attributes its user service returned. */
    static ProviderIdentity of(String provider, Map<String, Object> a) {
        return switch (provider) {
            case SignInProviders.GITHUB -> new ProviderIdentity(provider, string(a, "id"), string(a, "login"),
                    string(a, "email"), string(a, "name"));
            case SignInProviders.GITLAB -> new ProviderIdentity(provider, string(a, "id"), string(a, "username"),
                    string(a, "email"), string(a, "name"));
            case SignInProviders.BITBUCKET -> new ProviderIdentity(provider, string(a, "uuid"),
                    string(a, "username") != null ? string(a, "username") : string(a, "nickname"),
                    string(a, "email"), string(a, "display_name"));
            default -> new ProviderIdentity(provider, string(a, "sub"), string(a, "preferred_username"),
                    Boolean.FALSE.equals(a.get("email_verified")) ? null : string(a, "email"), string(a, "name"));
        };
    }

    private String primaryEmail(String provider, String token) {
        try {
            if (SignInProviders.GITHUB.equals(provider)) {
                return primary(api.list(SignInProviders.githubApi(properties.github()) + "/user/emails", token),
                        "primary", "verified");
            }
            if (SignInProviders.BITBUCKET.equals(provider)) {
                return primary(api.bitbucketValues(SignInProviders.BITBUCKET_API + "/user/emails", token),
                        "is_primary", "is_confirmed");
            }
        } catch (RestClientException e) {
            return null;
        }
        return null;
    }

    private static String primary(List<Map<String, Object>> emails, String primary, String verified) {
        return emails.stream().filter(e -> Boolean.TRUE.equals(e.get(primary)) && Boolean.TRUE.equals(e.get(verified)))
                .map(e -> string(e, "email")).filter(e -> e != null).findFirst().orElse(null);
    }

    private static String string(Map<String, Object> attributes, String key) {
        Object value = attributes.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
