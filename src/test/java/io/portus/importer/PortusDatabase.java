package io.portus.importer;

import io.portus.support.TestDatabases;
import org.springframework.security.crypto.bcrypt.BCrypt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/**
 * A Portus database on this machine's MariaDB or PostgreSQL: a new, uniquely named database with the schema
 * of {@code src/test/resources/portus-schema/<version>/<vendor>.sql} (translated from Portus's db/schema.rb; 2.3 as
 * its differences from 2.4),
 * filled with rows as Portus makes them: Devise's {@code $2a$} bcrypt passwords, application tokens hashed with
 * {@code BCrypt::Engine.hash_secret(token, salt)}, the hidden {@code portus} user with its personal namespace,
 * the registry's global team and namespace, Portus's enum values, public_activity's YAML parameters.
 * Every name starts with {@code prefix} so several imports can go into one target.
 */
final class PortusDatabase {

    static final String PASSWORD = "alice-old-password";
    static final LocalDateTime PUSHED = LocalDateTime.of(2019, 3, 14, 15, 9, 26);

    final TestDatabases.Db db;
    final String version;
    final String prefix;
    /** Alice's application token, a {@code Devise.friendly_token}: 20 URL-safe characters. */
    final String token;

    private PortusDatabase(TestDatabases.Db db, String version, String prefix) {
        this.db = db;
        this.version = version;
        this.prefix = prefix;
        this.token = (prefix + "Zq3_kP9sLm2xVb7nRt4w").substring(0, 20);
    }

    static PortusDatabase create(TestDatabases.Vendor vendor, String version, String prefix) throws Exception {
        PortusDatabase portus = new PortusDatabase(TestDatabases.fresh(vendor), version, prefix);
        try (Connection c = portus.connect()) {
            portus.loadSchema(c);
            portus.fill(c);
        }
        return portus;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(db.url(), db.username(), db.password());
    }

    boolean v24() {
        return version.equals("2.4");
    }

    /** 2.4's schema; for 2.3, then the differences (2.3/&lt;vendor&gt;.sql). */
    private void loadSchema(Connection c) throws IOException, SQLException {
        String vendor = db.vendor() == TestDatabases.Vendor.MARIADB ? "mariadb" : "postgresql";
        run(c, "/portus-schema/2.4/" + vendor + ".sql");
        if (!v24()) {
            run(c, "/portus-schema/" + version + "/" + vendor + ".sql");
        }
    }

    private static void run(Connection c, String script) throws IOException, SQLException {
        String sql;
        try (InputStream in = PortusDatabase.class.getResourceAsStream(script)) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Statement s = c.createStatement()) {
            for (String statement : sql.split(";\n")) {
                String body = statement.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n");
                if (!body.isBlank()) {
                    s.execute(body);
                }
            }
        }
    }

    private void fill(Connection c) throws SQLException {
        String p = prefix;
        String alice = BCrypt.hashpw(PASSWORD, BCrypt.gensalt("$2a", 10));
        String tokenSalt = BCrypt.gensalt("$2a", 10);
        insert(c, "registries", "id, name, hostname, use_ssl, external_hostname, created_at, updated_at",
                1, "Registry " + p, p + ".registry.test:5000", false, null, PUSHED, PUSHED);
        insertUser(c, 1, "portus", "portus@portus.com", BCrypt.hashpw("portus-secret", BCrypt.gensalt("$2a", 10)), true, false);
        insertUser(c, 2, p + "alice", p + "alice@example.com", alice, true, false);
        insertUser(c, 3, p + "bob", p + "bob@example.com", BCrypt.hashpw("bob-password", BCrypt.gensalt("$2a", 10)), false, false);
        insertUser(c, 4, p + "carol", p + "carol@example.com", "sha512$not-bcrypt", false, false);
        if (v24()) {
            insertUser(c, 5, p + "robot", p + "robot@example.com", "", false, true);
        }
        insertUser(c, 6, p + "dave", p + "dave@example.com", BCrypt.hashpw("random", BCrypt.gensalt("$2a", 10)), false, false);
        update(c, "UPDATE users SET ldap_name = ?, failed_attempts = 10, locked_at = ? WHERE id = 6", p + "Dave.Ldap",
                LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1));
        String[] teams = {"portus_global_team_1", "portus", p + "alice", p + "bob", p + "carol", p + "developers"};
        for (int i = 0; i < teams.length; i++) {
            insert(c, "teams", "id, name, created_at, updated_at, hidden, description", i + 1, teams[i], PUSHED, PUSHED,
                    i < 5, i == 5 ? "The developers" : null);
        }
        int[][] members = {{1, 2, 2}, {2, 1, 2}, {3, 2, 2}, {4, 3, 2}, {5, 4, 2}, {6, 2, 2}, {6, 3, 0}, {6, 4, 1}};
        for (int i = 0; i < members.length; i++) {
            insert(c, "team_users", "id, team_id, user_id, role, created_at, updated_at", i + 1, members[i][0],
                    members[i][1], members[i][2], PUSHED, PUSHED);
        }
        String[] namespaces = {"portus_global_namespace_1", "portus", p + "alice", p + "bob", p + "carol", p + "dev"};
        int[] visibility = {2, 0, 0, 0, 0, 1};
        for (int i = 0; i < namespaces.length; i++) {
            insert(c, "namespaces", "id, name, created_at, updated_at, team_id, registry_id, global, description, visibility",
                    i + 1, namespaces[i], PUSHED, PUSHED, i + 1, 1, i == 0, i == 5 ? "Dev images" : null, visibility[i]);
        }
        for (int user = 1; user <= 4; user++) {
            update(c, "UPDATE users SET namespace_id = ? WHERE id = ?", user == 1 ? 2 : user + 1, user);
        }
        insert(c, "application_tokens", "id, application, token_hash, token_salt, user_id", 1, "ci",
                BCrypt.hashpw(token, tokenSalt), tokenSalt, 2);
        insert(c, "application_tokens", "id, application, token_hash, token_salt, user_id", 2, "broken",
                BCrypt.hashpw("whatever-token-12345", BCrypt.gensalt("$2a", 10)), tokenSalt, 3);
        insert(c, "repositories", "id, name, namespace_id, created_at, updated_at, marked", 1, "app", 6, PUSHED, PUSHED, false);
        insert(c, "repositories", "id, name, namespace_id, created_at, updated_at, marked", 2, "tool", 3, PUSHED, PUSHED, false);
        insert(c, "repositories", "id, name, namespace_id, created_at, updated_at, marked", 3, "gone", 6, PUSHED, PUSHED, true);
        String cols = "id, name, repository_id, created_at, updated_at, user_id, digest, image_id, marked, username";
        insert(c, "tags", cols, 1, "latest", 1, PUSHED, PUSHED.plusDays(1), 2, "sha256:" + "a".repeat(64), "b".repeat(64),
                false, p + "alice");
        insert(c, "tags", cols, 2, "v1", 1, PUSHED, PUSHED, 2, null, "", false, p + "alice");
        insert(c, "tags", cols, 3, "1.0", 2, PUSHED, PUSHED, 3, "sha256:" + "c".repeat(64), "", false, null);
        insert(c, "stars", "id, user_id, repository_id, created_at, updated_at", 1, 3, 1, PUSHED, PUSHED);
        insert(c, "comments", "id, body, repository_id, created_at, updated_at, user_id", 1, "Nice image", 1, PUSHED,
                PUSHED, 3);
        String acols = "id, trackable_id, trackable_type, owner_id, owner_type, " + q(c, "key")
                + ", parameters, recipient_id, recipient_type, created_at, updated_at";
        insert(c, "activities", acols, 1, 6, "Namespace", 2, "User", "namespace.create",
                "---\n:namespace_id: 6\n:namespace_name: " + p + "dev\n", null, null, PUSHED, PUSHED);
        insert(c, "activities", acols, 2, 1, "Repository", 2, "User", "repository.push", null, 1, "Tag",
                PUSHED.plusDays(1), PUSHED.plusDays(1));
        insert(c, "activities", acols, 3, 6, "Team", 2, "User", "team.add_member",
                "--- !ruby/hash:ActiveSupport::HashWithIndifferentAccess\nrole: viewer\n", 3, "User", PUSHED, PUSHED);
        insert(c, "activities", acols, 4, 6, "Team", 2, "User", null, null, null, null, PUSHED, PUSHED);
        String wcols = "id, namespace_id, url, username, password, request_method, content_type, enabled, created_at, "
                + "updated_at" + (v24() ? ", name" : "");
        Object[] webhook = {1, 6, "http://hooks.test/" + p, "hook", "s3cret", 1, 0, true, PUSHED, PUSHED, "ci"};
        insert(c, "webhooks", wcols, v24() ? webhook : java.util.Arrays.copyOf(webhook, 10));
        insert(c, "webhook_headers", "id, webhook_id, name, value, created_at, updated_at", 1, 1, "X-Token", "abc",
                PUSHED, PUSHED);
        insert(c, "webhook_deliveries", "id, webhook_id, uuid, status, request_header, request_body, response_header, "
                + "response_body, created_at, updated_at", 1, 1, "d-1", 200, "{}", "{\"events\":[]}", "{}", "ok", PUSHED, PUSHED);
    }

    private void insertUser(Connection c, int id, String username, String email, String hash, boolean admin, boolean bot)
            throws SQLException {
        String cols = "id, username, email, encrypted_password, sign_in_count, created_at, updated_at, admin, enabled, "
                + "failed_attempts";
        if (v24()) {
            insert(c, "users", cols + ", bot", id, username, email, hash, 0, PUSHED, PUSHED, admin, true, 0, bot);
        } else {
            insert(c, "users", cols, id, username, email, hash, 0, PUSHED, PUSHED, admin, true, 0);
        }
    }

    private String q(Connection c, String column) {
        return db.vendor() == TestDatabases.Vendor.MARIADB ? "`" + column + "`" : "\"" + column + "\"";
    }

    private static void insert(Connection c, String table, String columns, Object... values) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(values.length, "?"));
        update(c, "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")", values);
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i] instanceof LocalDateTime t ? Timestamp.valueOf(t) : values[i];
                s.setObject(i + 1, v);
            }
            s.executeUpdate();
        }
    }
}
