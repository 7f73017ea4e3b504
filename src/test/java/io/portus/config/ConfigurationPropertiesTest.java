package io.portus.config;

import io.portus.account.FirstUserAdminProperties;
import io.portus.account.SignupProperties;
import io.portus.auth.policy.DeleteProperties;
import io.portus.auth.policy.UserPermissionProperties;
import io.portus.common.PortusProperties;
import io.portus.web.oauth.OauthProperties;
import io.portus.webhook.WebhookProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed configuration records, bound the way Spring Boot binds them: their defaults are application.yml's
 * (one default per key), and the classic Portus variables application.yml maps still reach them.
 */
class ConfigurationPropertiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"io.portus.common.PortusProperties", "io.portus.auth.policy.DeleteProperties",
            "io.portus.auth.policy.UserPermissionProperties", "io.portus.account.SignupProperties",
            "io.portus.account.FirstUserAdminProperties", "io.portus.webhook.WebhookProperties",
            "io.portus.catalog.internal.CatalogProperties", "io.portus.catalog.internal.RegistryClientProperties",
            "io.portus.auth.authn.internal.AuthProperties", "io.portus.auth.token.TlsProperties",
            "io.portus.web.support.UiProperties", "io.portus.web.oauth.OauthProperties"})
    void theRecordsDefaultsAreThoseOfApplicationYml(String type) throws Exception {
        Class<?> record = Class.forName(type);
        assertThat(bind(record, binder(Map.of(), false))).as(type).isEqualTo(bind(record, binder(Map.of(), true)));
    }

    @Test
    void theClassicVariablesStillWork() throws IOException {
        Binder binder = binder(Map.of("PORTUS_DELETE_ENABLED", "false", "PORTUS_DELETE_CONTRIBUTORS", "true",
                "PORTUS_USER_PERMISSION_PUSH_IMAGES_POLICY", "admin-only",
                "PORTUS_USER_PERMISSION_CHANGE_VISIBILITY_ENABLED", "false", "PORTUS_SIGNUP_ENABLED", "false",
                "PORTUS_FIRST_USER_ADMIN_ENABLED", "false", "PORTUS_WEBHOOKS_SECRET", "s3cret",
                "PORTUS_PASSWORD", "hidden", "PORTUS_MACHINE_FQDN_VALUE", "portus.example"), true);

        assertThat(bind(DeleteProperties.class, binder)).isEqualTo(new DeleteProperties(false, true));
        UserPermissionProperties permissions = bind(UserPermissionProperties.class, binder);
        assertThat(permissions.pushImages().policy()).isEqualTo("admin-only");
        assertThat(permissions.changeVisibility().enabled()).isFalse();
        assertThat(permissions.createTeam().enabled()).isTrue();
        assertThat(bind(SignupProperties.class, binder).enabled()).isFalse();
        assertThat(bind(FirstUserAdminProperties.class, binder).enabled()).isFalse();
        assertThat(bind(WebhookProperties.class, binder).secret()).isEqualTo("s3cret");
        PortusProperties portus = bind(PortusProperties.class, binder);
        assertThat(portus.portusPassword()).isEqualTo("hidden");
        assertThat(portus.machineFqdn()).isEqualTo("portus.example");
        assertThat(portus.toString()).doesNotContain("hidden");
    }

    @Test
    void everyKeyAlsoHasItsRelaxedVariable() throws IOException {
        Binder binder = binder(Map.of("PORTUS_WEBHOOKS_MAX_ATTEMPTS", "9", "PORTUS_WEBHOOKS_TIMEOUT", "5s",
                "PORTUS_USER_PERMISSION_MANAGE_TEAM_ENABLED", "false"), true);

        WebhookProperties webhooks = bind(WebhookProperties.class, binder);
        assertThat(webhooks.maxAttempts()).isEqualTo(9);
        assertThat(webhooks.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(bind(UserPermissionProperties.class, binder).manageTeam().enabled()).isFalse();
    }

    @Test
    void theOauthVariablesArePortusOwn() throws IOException {
        Binder binder = binder(Map.of("PORTUS_OAUTH_LOCAL_LOGIN_ENABLED", "false",
                "PORTUS_OAUTH_OPENID_CONNECT_ISSUER", "https://id.example", "PORTUS_OAUTH_OPENID_CONNECT_SECRET", "s3",
                "PORTUS_OAUTH_GITHUB_CLIENT_ID", "gh-id", "PORTUS_OAUTH_GOOGLE_OAUTH2_ID", "g-id",
                "PORTUS_OAUTH_GOOGLE_OAUTH2_OPTIONS_HD", "example.com", "PORTUS_OAUTH_GITLAB_APPLICATION_ID", "gl-id",
                "PORTUS_OAUTH_BITBUCKET_OPTIONS_TEAM", "crew"), true);

        OauthProperties oauth = bind(OauthProperties.class, binder);
        assertThat(oauth.localLogin().enabled()).isFalse();
        assertThat(oauth.openidConnect().issuer()).isEqualTo("https://id.example");
        assertThat(oauth.github().clientId()).isEqualTo("gh-id");
        assertThat(oauth.googleOauth2().id()).isEqualTo("g-id");
        assertThat(oauth.googleOauth2().options().hd()).isEqualTo("example.com");
        assertThat(oauth.gitlab().applicationId()).isEqualTo("gl-id");
        assertThat(oauth.bitbucket().options().team()).isEqualTo("crew");
        assertThat(oauth.toString()).doesNotContain("s3");
    }

    private static <T> T bind(Class<T> record, Binder binder) {
        String prefix = record.getAnnotation(ConfigurationProperties.class).value();
        return binder.bindOrCreate(prefix, Bindable.of(record));
    }

    /** The environment variables {@code env}, then (with {@code yml}) application.yml, as in the application. */
    private static Binder binder(Map<String, String> env, boolean yml) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addLast(new SystemEnvironmentPropertySource("env", Map.copyOf(env)));
        if (yml) {
            new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(sources::addLast);
        }
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
    }
}
