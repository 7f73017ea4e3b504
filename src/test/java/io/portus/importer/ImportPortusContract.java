package io.portus.importer;

import io.portus.account.ApplicationTokenService;
import io.portus.auth.authn.CredentialsAuthenticator;
import io.portus.common.DbTime;
import io.portus.common.PortusProperties;
import io.portus.support.DatabaseTest;
import io.portus.support.TestDatabases.Vendor;
import io.portus.webhook.WebhookSecrets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports a Portus database made on this machine's MariaDB or PostgreSQL ({@link PortusDatabase}) into a running
 * Portus (the subclass picks the target database), then checks the summary, the dry run, that a second run
 * imports nothing, the rows that are refused, and that the imported users sign in with their old password and
 * their old application token through the real {@code /v2/token} endpoint.
 */
abstract class ImportPortusContract extends DatabaseTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    PortusProperties properties;
    @Autowired
    CredentialsAuthenticator authenticator;
    @Autowired
    ApplicationTokenService tokens;

    private final HttpClient http = HttpClient.newHttpClient();

    void importsAndUsersKeepWorking(Vendor vendor, String version) throws Exception {
        PortusDatabase portus = PortusDatabase.create(vendor, version, unique("p"));
        String p = portus.prefix;

        ImportReport dry = importFrom(portus, true);
        assertThat(dry.complete()).as(dry.text()).isTrue();
        assertThat(imported(dry).get("users")).isEqualTo(portus.v24() ? 4 : 3);
        assertThat(count("SELECT COUNT(*) FROM users WHERE username LIKE ?", p + "%")).isZero();
        assertThat(count("SELECT COUNT(*) FROM registries WHERE hostname = ?", p + ".registry.test:5000")).isZero();

        ImportReport report = importFrom(portus, false);
        assertThat(report.complete()).as(report.text()).isTrue();
        assertThat(report.sourceVersion()).isEqualTo(portus.v24() ? "2.4" : "2.3 or older");
        assertThat(imported(report)).as(report.text()).isEqualTo(dry.tables().stream()
                .collect(Collectors.toMap(TableSummary::table, TableSummary::imported)));
        assertThat(imported(report)).containsEntry("users", portus.v24() ? 4 : 3).containsEntry("application_tokens", 1)
                .containsEntry("registries", 1).containsEntry("teams", 3).containsEntry("team_users", 5)
                .containsEntry("namespaces", 3).containsEntry("repositories", 2).containsEntry("tags", 2)
                .containsEntry("stars", 1).containsEntry("comments", 1).containsEntry("webhooks", 1)
                .containsEntry("webhook_headers", 1).containsEntry("webhook_deliveries", 1).containsEntry("activities", 3);
        assertThat(reasons(report, "users")).containsExactly("the password hash is not bcrypt (Devise with another encryptor?)");
        assertThat(reasons(report, "application_tokens")).hasSize(1);
        assertThat(reasons(report, "namespaces")).containsExactlyInAnyOrder(
                "the hidden portus user's personal namespace is not used here", "its team was not imported");
        assertThat(reasons(report, "repositories")).containsExactly("marked for deletion in Portus");
        assertThat(reasons(report, "tags")).containsExactly("no manifest digest (Portus never got it from the registry)");
        assertThat(reasons(report, "activities")).containsExactly("no usable key or trackable type");
        assertThat(count("SELECT COUNT(*) FROM users WHERE username = 'portus'")).isEqualTo(1);

        checkRows(p);

        ImportReport again = importFrom(portus, false);
        assertThat(again.complete()).isTrue();
        assertThat(imported(again).values()).as(again.text()).allMatch(n -> n == 0);
        assertThat(again.tables()).allMatch(t -> t.skipped() >= imported(report).get(t.table()));

        assertThat(token(p + "alice", PortusDatabase.PASSWORD)).isEqualTo(200);
        assertThat(token(p + "alice", "wrong-password")).isEqualTo(401);
        assertThat(token(p + "bob", "bob-password")).isEqualTo(200);
        assertThat(token(p + "carol", "anything")).isEqualTo(401);
        assertThat(token(p + "alice", portus.token)).isEqualTo(200);
        assertThat(jdbc.sql("SELECT token_hash FROM application_tokens t JOIN users u ON u.id = t.user_id "
                + "WHERE u.username = ?").param(p + "alice").query(String.class).single())
                .as("upgraded to SHA-256 on its first use").hasSize(64).doesNotStartWith("$2");
        assertThat(token(p + "alice", portus.token)).isEqualTo(200);
        assertThat(token(p + "bob", portus.token)).isEqualTo(401);
        assertThat(authenticator.authenticatePassword(p + "bob", "bob-password")).as("the UI's sign-in form")
                .isInstanceOf(CredentialsAuthenticator.Authenticated.class);
        assertThat(tokens.authenticate(p + "alice", portus.token)).as("the API's Portus-Auth header").isPresent();
    }

    /**
     * A group that fails (here: the target refuses every star) is rolled back whole, the groups after it are not
     * tried, the ones before stay; once the cause is gone a second run completes without importing anything twice.
     */
    void aFailedGroupLeavesNothingHalfDone() throws Exception {
        PortusDatabase portus = PortusDatabase.create(Vendor.POSTGRESQL, "2.4", unique("f"));
        String p = portus.prefix;
        jdbc.sql("ALTER TABLE stars ADD CONSTRAINT ck_import_test_fails CHECK (user_id < 0) NOCHECK").update();
        ImportReport failed;
        try {
            failed = importFrom(portus, false);
        } finally {
            jdbc.sql("ALTER TABLE stars DROP CONSTRAINT ck_import_test_fails").update();
        }
        assertThat(failed.complete()).isFalse();
        assertThat(failed.failedGroup()).isEqualTo("repositories, tags, stars and comments");
        assertThat(failed.text()).contains("FAILED while importing repositories, tags, stars and comments");
        assertThat(failed.tables()).extracting(TableSummary::table).containsExactly("users", "application_tokens",
                "registries", "teams", "team_users", "namespaces");
        assertThat(count("SELECT COUNT(*) FROM users WHERE username LIKE ?", p + "%")).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM repositories r JOIN namespaces n ON n.id = r.namespace_id "
                + "WHERE n.name LIKE ?", p + "%")).isZero();
        assertThat(count("SELECT COUNT(*) FROM webhooks WHERE url = ?", "http://hooks.test/" + p)).isZero();

        ImportReport resumed = importFrom(portus, false);
        assertThat(resumed.complete()).as(resumed.text()).isTrue();
        assertThat(imported(resumed)).containsEntry("users", 0).containsEntry("namespaces", 0)
                .containsEntry("repositories", 2).containsEntry("stars", 1).containsEntry("webhooks", 1);
    }

    private void checkRows(String p) {
        var dave = jdbc.sql("SELECT provider, external_uid, failed_attempts, locked_until FROM users WHERE username = ?")
                .param(p + "dave").query().singleRow();
        assertThat(dave.get("provider")).as("Portus's ldap_name: an LDAP account").isEqualTo("ldap");
        assertThat(dave.get("external_uid")).isEqualTo(io.portus.account.ExternalIdentity.importedLdapName(p + "Dave.Ldap"));
        assertThat(((Number) dave.get("failed_attempts")).intValue()).isEqualTo(10);
        assertThat(dave.get("locked_until")).as("locked a minute ago in Portus: still locked").isNotNull();

        var alice = jdbc.sql("SELECT admin, enabled, bot, encrypted_password, namespace_id FROM users WHERE username = ?")
                .param(p + "alice").query().singleRow();
        assertThat(alice.get("admin")).isEqualTo(true);
        assertThat((String) alice.get("encrypted_password")).startsWith("$2a$10$");
        assertThat(jdbc.sql("SELECT name FROM namespaces WHERE id = ?").param(alice.get("namespace_id"))
                .query(String.class).single()).isEqualTo(p + "alice");
        var dev = jdbc.sql("SELECT n.visibility, n.description, t.name AS team FROM namespaces n JOIN teams t ON t.id = n.team_id "
                + "WHERE n.name = ?").param(p + "dev").query().singleRow();
        assertThat(((Number) dev.get("visibility")).intValue()).isEqualTo(1);
        assertThat(dev.get("description")).isEqualTo("Dev images");
        assertThat(dev.get("team")).isEqualTo(p + "developers");
        assertThat(count("SELECT COUNT(*) FROM teams t JOIN users u ON u.id = t.personal_user_id WHERE u.username = ? "
                + "AND t.hidden = TRUE", p + "bob")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM team_users m JOIN teams t ON t.id = m.team_id JOIN users u ON u.id = m.user_id "
                + "WHERE t.name = ? AND u.username = ? AND m.role = 0", p + "developers", p + "bob")).isEqualTo(1);
        var tag = jdbc.sql("SELECT t.digest, t.username, t.image_id FROM tags t JOIN repositories r ON r.id = t.repository_id "
                + "JOIN namespaces n ON n.id = r.namespace_id WHERE n.name = ? AND r.name = 'app' AND t.name = 'latest'")
                .param(p + "dev").query().singleRow();
        assertThat(tag.get("digest")).isEqualTo("sha256:" + "a".repeat(64));
        assertThat(tag.get("username")).isEqualTo(p + "alice");
        assertThat(jdbc.sql("SELECT password_enc FROM webhooks WHERE url = ?").param("http://hooks.test/" + p)
                .query(String.class).single()).startsWith("v1:");
        var activity = jdbc.sql("SELECT owner_name, trackable_name, namespace_id, parameters FROM activities "
                + "WHERE activity_key = 'namespace.create' AND trackable_name = ?").param(p + "dev").query().singleRow();
        assertThat(activity.get("owner_name")).isEqualTo(p + "alice");
        assertThat(String.valueOf(activity.get("parameters"))).contains("\"namespace_name\":\"" + p + "dev\"");
        assertThat(count("SELECT COUNT(*) FROM activities WHERE activity_key = 'repository.push' AND recipient_name = 'latest' "
                + "AND trackable_name = ?", p + "dev/app")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT t.pushed_at FROM tags t JOIN repositories r ON r.id = t.repository_id JOIN namespaces n "
                        + "ON n.id = r.namespace_id WHERE n.name = ? AND t.name = 'latest'").param(p + "dev")
                .query((rs, i) -> DbTime.read(rs, "pushed_at")).single())
                .as("Portus's times are UTC").isEqualTo(PortusDatabase.PUSHED.plusDays(1).toInstant(ZoneOffset.UTC));
    }

    private ImportReport importFrom(PortusDatabase portus, boolean dryRun) throws Exception {
        try (Connection c = portus.connect()) {
            return PortusImport.run(c, jdbc, tx, WebhookSecrets.from(properties), dryRun);
        }
    }

    private int token(String user, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + environment.getProperty("local.server.port") + "/v2/token?account=" + user + "&client_id=docker"))
                .header("Authorization", "Basic " + basic).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static Map<String, Integer> imported(ImportReport report) {
        return report.tables().stream().collect(Collectors.toMap(TableSummary::table, TableSummary::imported));
    }

    private static java.util.List<String> reasons(ImportReport report, String table) {
        return report.tables().stream().filter(t -> t.table().equals(table)).flatMap(t -> t.refused().stream())
                .map(TableSummary.Refusal::reason).toList();
    }
}
