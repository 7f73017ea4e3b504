package io.portus.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every PORTUS_* variable nothing reads is named; the ones something reads are not. */
class UnknownPortusVariablesTest {

    @Test
    void onlyTheVariablesNothingReadsAreReported() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);

        Set<String> understood = Set.of(
                "PORTUS_DELETE_ENABLED", // a placeholder of application.yml
                "PORTUS_MACHINE_FQDN_VALUE", "PORTUS_MACHINE_FQDN", // nested placeholders
                "PORTUS_KEY_PATH", "PORTUS_PASSWORD", // Portus 2.x's names, mapped in application.yml
                "PORTUS_LDAP_GUESS_EMAIL_ENABLED", "PORTUS_LDAP_AUTHENTICATION_BIND_DN", // Portus's SECTION_KEY form
                "PORTUS_DATA_DIR", "PORTUS_DATADIR", // both relaxed forms of portus.data-dir
                "PORTUS_PAGINATION_BEFORE_AFTER", "PORTUS_USER_PERMISSION_CREATE_WEBHOOK_ENABLED",
                "PORTUS_DB_HOST", "PORTUS_DB_ADAPTER", "PORTUS_DB_POOL", // DatabaseSettings
                "PORTUS_CONFIG_FILE", "PORTUS_LOCAL_CONFIG_PATH", // PortusConfigFile
                "PORTUS_NOTIFICATIONS_ENDPOINTS_0_URL"); // an entry of a list
        Set<String> other = Set.of("PATH", "MARIADB_HOST", "PUMA_SSL_KEY");
        Set<String> notUnderstood = Set.of("PORTUS_PUMA_HOST", "PORTUS_LDAP_ENABLD", "PORTUS_SECURITY_CLAIR_SERVER",
                "portus_typo");

        Set<String> all = new java.util.HashSet<>(understood);
        all.addAll(other);
        all.addAll(notUnderstood);
        assertThat(UnknownPortusVariables.unknown(all, environment)).containsExactlyInAnyOrderElementsOf(notUnderstood);
    }
}
