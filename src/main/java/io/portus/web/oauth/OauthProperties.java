package io.portus.web.oauth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Portus's {@code oauth.*} keys: sign-in with an OpenID Connect provider, GitHub, GitLab, Google or Bitbucket
 * (each off by default), and whether the password form stays. Every key also has the variable Portus documents
 * ({@code PORTUS_OAUTH_GITHUB_CLIENT_ID}, ...), mapped in application.yml. Secrets are never printed
 * ({@link #toString()} of each provider leaves them out).
 *
 * @param localLogin     {@code local-login.enabled}: the password form and sign-up on the sign-in page
 * @param openidConnect  any OpenID Connect provider, found by discovery from its issuer
 * @param github         GitHub or GitHub Enterprise ({@code server})
 * @param gitlab         gitlab.com or a GitLab server
 * @param googleOauth2   Google (OpenID Connect)
 * @param bitbucket      Bitbucket Cloud
 */
@ConfigurationProperties("portus.oauth")
public record OauthProperties(@DefaultValue LocalLogin localLogin, @DefaultValue OpenidConnect openidConnect,
                              @DefaultValue Github github, @DefaultValue Gitlab gitlab,
                              @DefaultValue GoogleOauth2 googleOauth2, @DefaultValue Bitbucket bitbucket) {

    public record LocalLogin(@DefaultValue("true") boolean enabled) {
    }

    /** {@code identifier} is the client id, {@code issuer} e.g. {@code https://keycloak.example/realms/main}. */
    public record OpenidConnect(@DefaultValue("false") boolean enabled, @DefaultValue("") String issuer,
                                @DefaultValue("") String identifier, @DefaultValue("") String secret) {
        @Override
        public String toString() {
            return "OpenidConnect[enabled=" + enabled + ", issuer=" + issuer + ", identifier=" + identifier + "]";
        }
    }

    /** {@code server}: the GitHub Enterprise base URL (empty: github.com); {@code team} needs {@code organization}. */
    public record Github(@DefaultValue("false") boolean enabled, @DefaultValue("") String clientId,
                         @DefaultValue("") String clientSecret, @DefaultValue("") String organization,
                         @DefaultValue("") String team, @DefaultValue("") String domain,
                         @DefaultValue("") String server) {
        @Override
        public String toString() {
            return "Github[enabled=" + enabled + ", clientId=" + clientId + ", organization=" + organization
                    + ", team=" + team + ", domain=" + domain + ", server=" + server + "]";
        }
    }

    /** {@code server}: the GitLab base URL (empty: https://gitlab.com). */
    public record Gitlab(@DefaultValue("false") boolean enabled, @DefaultValue("") String applicationId,
                         @DefaultValue("") String secret, @DefaultValue("") String group,
                         @DefaultValue("") String domain, @DefaultValue("") String server) {
        @Override
        public String toString() {
            return "Gitlab[enabled=" + enabled + ", applicationId=" + applicationId + ", group=" + group
                    + ", domain=" + domain + ", server=" + server + "]";
        }
    }

    public record GoogleOauth2(@DefaultValue("false") boolean enabled, @DefaultValue("") String id,
                               @DefaultValue("") String secret, @DefaultValue("") String domain,
                               @DefaultValue Options options) {
        /** {@code hd}: the Google Workspace domain whose members alone may sign in. */
        public record Options(@DefaultValue("") String hd) {
        }

        @Override
        public String toString() {
            return "GoogleOauth2[enabled=" + enabled + ", id=" + id + ", domain=" + domain + ", options=" + options + "]";
        }
    }

    public record Bitbucket(@DefaultValue("false") boolean enabled, @DefaultValue("") String key,
                            @DefaultValue("") String secret, @DefaultValue("") String domain,
                            @DefaultValue Options options) {
        /** {@code team}: the workspace whose members alone may sign in. */
        public record Options(@DefaultValue("") String team) {
        }

        @Override
        public String toString() {
            return "Bitbucket[enabled=" + enabled + ", key=" + key + ", domain=" + domain + ", options=" + options + "]";
        }
    }
}
