package io.portus.config;

import io.portus.account.FirstUserAdminProperties;
import io.portus.account.SignupProperties;
import io.portus.auth.policy.DeleteProperties;
import io.portus.auth.policy.UserPermissionProperties;
import io.portus.common.PaginationProperties;
import io.portus.common.PortusProperties;
import io.portus.mail.EmailProperties;
import io.portus.retention.GarbageCollectorProperties;
import io.portus.ldap.LdapProperties;
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
            "io.portus.web.support.UiProperties", "io.portus.mail.EmailProperties",
            "io.portus.ldap.LdapProperties", "io.portus.web.oauth.OauthProperties",
            "io.portus.config.StorageProperties", "io.portus.retention.GarbageCollectorProperties",
            "io.portus.retention.RetentionProperties", "io.portus.gc.GcProperties",
            "io.portus.common.PaginationProperties", "io.portus.ops.AccessLogProperties"})
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
    void portusWebhookSwitchesAndPaginationComeFromTheirVariables() throws IOException {
        Binder binder = binder(Map.of("PORTUS_USER_PERMISSION_CREATE_WEBHOOK_ENABLED", "false",
                "PORTUS_PAGINATION_PER_PAGE", "30"), true);
        UserPermissionProperties permissions = bind(UserPermissionProperties.class, binder);
        assertThat(permissions.createWebhook().enabled()).isFalse();
        assertThat(permissions.manageWebhook().enabled()).isTrue();
        assertThat(bind(PaginationProperties.class, binder)).isEqualTo(new PaginationProperties(30, 2));
        assertThat(bind(PaginationProperties.class, binder(Map.of(), true))).isEqualTo(PaginationProperties.DEFAULTS);
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
    void portusEmailVariablesBindWithTheirUnderscores() throws IOException {
        Binder binder = binder(Map.ofEntries(Map.entry("PORTUS_EMAIL_FROM", "registry@example.org"),
                Map.entry("PORTUS_EMAIL_NAME", "Registry"), Map.entry("PORTUS_EMAIL_REPLY_TO", "help@example.org"),
                Map.entry("PORTUS_EMAIL_SMTP_ENABLED", "true"), Map.entry("PORTUS_EMAIL_SMTP_ADDRESS", "mail.example.org"),
                Map.entry("PORTUS_EMAIL_SMTP_PORT", "465"), Map.entry("PORTUS_EMAIL_SMTP_USER_NAME", "mailer"),
                Map.entry("PORTUS_EMAIL_SMTP_PASSWORD", "smtp-secret"), Map.entry("PORTUS_EMAIL_SMTP_DOMAIN", "example.org"),
                Map.entry("PORTUS_EMAIL_SMTP_SSL_TLS", "ssl"), Map.entry("PORTUS_EMAIL_SMTP_ENABLE_STARTTLS_AUTO", "true"),
                Map.entry("PORTUS_EMAIL_SMTP_OPENSSL_VERIFY_MODE", "peer"), Map.entry("PORTUS_EMAIL_SMTP_TIMEOUT", "3s")), true);

        EmailProperties email = bind(EmailProperties.class, binder);
        assertThat(email).isEqualTo(new EmailProperties("registry@example.org", "Registry", "help@example.org",
                new EmailProperties.Smtp(true, "mail.example.org", 465, "mailer", "smtp-secret", "example.org", "ssl",
                        true, "peer", Duration.ofSeconds(3))));
        assertThat(email.smtp().implicitTls()).isTrue();
        assertThat(email.smtp().verifyPeer()).isTrue();
        assertThat(email.toString()).doesNotContain("smtp-secret");
    }

    @Test
    void distributionsStorageVariables() throws IOException {
        Binder binder = binder(Map.ofEntries(Map.entry("REGISTRY_STORAGE", "s3"),
                Map.entry("REGISTRY_STORAGE_S3_REGIONENDPOINT", "http://minio:9000"), Map.entry("REGISTRY_STORAGE_S3_BUCKET", "reg"),
                Map.entry("REGISTRY_STORAGE_S3_REGION", "eu-west-1"), Map.entry("REGISTRY_STORAGE_S3_ACCESSKEY", "AKIA1"),
                Map.entry("REGISTRY_STORAGE_S3_SECRETKEY", "s3cret-key"), Map.entry("REGISTRY_STORAGE_S3_ROOTDIRECTORY", "/r"),
                Map.entry("REGISTRY_STORAGE_S3_FORCEPATHSTYLE", "false"), Map.entry("REGISTRY_STORAGE_S3_SECURE", "false"),
                Map.entry("REGISTRY_STORAGE_S3_CHUNKSIZE", "6291456"), Map.entry("REGISTRY_STORAGE_S3_STORAGECLASS", "NONE"),
                Map.entry("REGISTRY_STORAGE_REDIRECT_DISABLE", "true")), true);

        StorageProperties storage = bind(StorageProperties.class, binder);
        assertThat(storage).isEqualTo(new StorageProperties("s3", new StorageProperties.S3("http://minio:9000", "reg",
                "eu-west-1", "AKIA1", "s3cret-key", "/r", false, false, 6291456, "NONE")));
        assertThat(storage.toString()).doesNotContain("s3cret-key");
        assertThat(bind(StorageProperties.class, binder(Map.of(), true)).s3().forcePathStyle()).isNull();
        assertThat(binder.bind("portus.registry.storage.redirect.disable", Boolean.class).get()).isTrue();
    }

    @Test
    void portusLdapVariables() throws IOException {
        Binder binder = binder(Map.of("PORTUS_LDAP_ENABLED", "true", "PORTUS_LDAP_TIMEOUT", "7",
                "PORTUS_LDAP_ENCRYPTION_METHOD", "start_tls", "PORTUS_LDAP_ENCRYPTION_OPTIONS_CA_FILE", "/ca.pem",
                "PORTUS_LDAP_AUTHENTICATION_BIND_DN", "cn=search", "PORTUS_LDAP_AUTHENTICATION_PASSWORD", "s3cret",
                "PORTUS_LDAP_GROUP_SYNC_DEFAULT_ROLE", "contributor", "PORTUS_LDAP_GUESS_EMAIL_ATTR", "mail",
                "PORTUS_LDAP_ADMIN_BASE", "ou=admins"), true);

        LdapProperties ldap = bind(LdapProperties.class, binder);
        assertThat(ldap.enabled()).isTrue();
        assertThat(ldap.timeout()).as("a plain number is seconds, as in Portus").isEqualTo(Duration.ofSeconds(7));
        assertThat(ldap.encryption().method()).isEqualTo("start_tls");
        assertThat(ldap.encryption().options().caFile()).isEqualTo("/ca.pem");
        assertThat(ldap.authentication().bindDn()).isEqualTo("cn=search");
        assertThat(ldap.authentication().password()).isEqualTo("s3cret");
        assertThat(ldap.groupSync().defaultRole()).isEqualTo("contributor");
        assertThat(ldap.groupSync().enabled()).isTrue();
        assertThat(ldap.guessEmail().attr()).isEqualTo("mail");
        assertThat(ldap.adminBase()).isEqualTo("ou=admins");
        assertThat(ldap.uid()).isEqualTo("uid");
        assertThat(ldap.toString()).doesNotContain("s3cret");
    }

    @Test
    void portusGarbageCollectorVariables() throws IOException {
        Binder binder = binder(Map.of("PORTUS_DELETE_GARBAGE_COLLECTOR_ENABLED", "true",
                "PORTUS_DELETE_GARBAGE_COLLECTOR_OLDER_THAN", "7", "PORTUS_DELETE_GARBAGE_COLLECTOR_KEEP_LATEST", "2",
                "PORTUS_DELETE_GARBAGE_COLLECTOR_TAG", "^build-", "PORTUS_DELETE_GARBAGE_COLLECTOR_INTERVAL", "5m"), true);

        assertThat(bind(GarbageCollectorProperties.class, binder))
                .isEqualTo(new GarbageCollectorProperties(true, 7, 2, "^build-", Duration.ofMinutes(5)));
        assertThat(bind(GarbageCollectorProperties.class, binder(Map.of(), true)))
                .isEqualTo(new GarbageCollectorProperties(false, 30, 5, "", Duration.ofSeconds(60)));
        assertThat(bind(DeleteProperties.class, binder).enabled()).isTrue();
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
