package io.portus.web.oauth;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.client.RestClientException;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who may sign in with a provider, as Portus's {@code omniauth_callbacks_controller} decides: the email's domain
 * ({@code domain} of every provider), GitHub organization and team, GitLab group, Google Workspace domain
 * ({@code options.hd}, the {@code hd} claim), Bitbucket workspace ({@code options.team}). A refusal is an
 * {@link OAuth2AuthenticationException} whose message the sign-in page shows; no account is created.
 */
final class Restrictions {

    static final String REFUSED = "portus_refused";

    private final OauthProperties properties;
    private final ProviderApi api;

    Restrictions(OauthProperties properties, ProviderApi api) {
        this.properties = properties;
        this.api = api;
    }

    void check(ProviderIdentity identity, Map<String, Object> attributes, String token) {
        String domain = switch (identity.provider()) {
            case SignInProviders.GITHUB -> properties.github().domain();
            case SignInProviders.GITLAB -> properties.gitlab().domain();
            case SignInProviders.GOOGLE -> properties.googleOauth2().domain();
            case SignInProviders.BITBUCKET -> properties.bitbucket().domain();
            default -> "";
        };
        if (!domain.isBlank() && !domain.trim().equalsIgnoreCase(identity.emailDomain())) {
            throw refused(identity.emailDomain().isEmpty()
                    ? "Your account has no email address on the domain " + domain.trim() + ", which this Portus requires."
                    : "Email addresses on the domain " + identity.emailDomain() + " aren't allowed.");
        }
        try {
            switch (identity.provider()) {
                case SignInProviders.GITHUB -> github(token);
                case SignInProviders.GITLAB -> gitlab(token);
                case SignInProviders.GOOGLE -> google(attributes);
                case SignInProviders.BITBUCKET -> bitbucket(token);
                default -> { }
            }
        } catch (RestClientException e) {
            throw new ProviderUnavailableException("Your membership could not be checked with the provider. "
                    + "Try again later, or tell your administrator.", e);
        }
    }

    private void github(String token) {
        OauthProperties.Github github = properties.github();
        String api = SignInProviders.githubApi(github);
        if (!github.team().isBlank()) {
            List<Map<String, Object>> teams = this.api.list(api + "/user/teams", token);
            boolean member = teams.stream().anyMatch(t -> github.team().equals(t.get("name"))
                    && t.get("organization") instanceof Map<?, ?> org && github.organization().equals(org.get("login")));
            if (!member) {
                throw refused("The GitHub account isn't in the allowed team.");
            }
        } else if (!github.organization().isBlank()) {
            List<Map<String, Object>> orgs = this.api.list(api + "/user/orgs", token);
            if (orgs.stream().noneMatch(o -> github.organization().equals(o.get("login")))) {
                throw refused("The GitHub account isn't in the allowed organization.");
            }
        }
    }

    /**
     * GitLab lists every group to its administrators unless {@code min_access_level} is given; 10 (Guest) keeps
     * the groups the user is a member of, so an administrator outside the group is refused too.
     */
    private void gitlab(String token) {
        String group = properties.gitlab().group();
        if (group.isBlank()) {
            return;
        }
        List<Map<String, Object>> groups = api.list(SignInProviders.gitlabBase(properties.gitlab())
                + "/api/v4/groups?min_access_level=10", token);
        // the full path only: a display name is not unique (anyone can make a subgroup "x/devs" named "devs")
        if (groups.stream().noneMatch(g -> g.get("full_path") instanceof String path && group.equalsIgnoreCase(path))) {
            throw refused("The GitLab account isn't in the allowed group.");
        }
    }

    private void google(Map<String, Object> claims) {
        String hd = properties.googleOauth2().options().hd();
        if (!hd.isBlank() && !Objects.equals(hd.trim(), claims.get("hd"))) {
            throw refused("The Google account isn't a member of " + hd.trim() + ".");
        }
    }

    private void bitbucket(String token) {
        String team = properties.bitbucket().options().team();
        if (team.isBlank()) {
            return;
        }
        List<Map<String, Object>> workspaces =
                api.bitbucketValues(SignInProviders.BITBUCKET_API + "/workspaces?role=member&pagelen=100", token);
        // the slug only: anyone can create a workspace with any display name
        if (workspaces.stream().noneMatch(w -> w.get("slug") instanceof String slug && team.equalsIgnoreCase(slug))) {
            throw refused("The Bitbucket account isn't in the allowed team.");
        }
    }

    static OAuth2AuthenticationException refused(String message) {
        return new OAuth2AuthenticationException(new OAuth2Error(REFUSED, message, null), message);
    }
}
