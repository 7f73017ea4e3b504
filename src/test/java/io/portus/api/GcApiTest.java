package io.portus.api;

import io.portus.account.ApplicationTokenService;
import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.catalog.Poll;
import io.portus.support.DatabaseTest;
import io.portus.support.OnDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/gc} over real HTTP: admins start runs (202) and read them, others get 403, unknown ids 404, and a
 * run held by another instance (its lease in the shared database) makes a start 409. Own database: the runs
 * collect this context's registry.
 */
@ContextConfiguration(initializers = OnDatabase.OwnH2.class)
@TestPropertySource(properties = "portus.gc.grace-period=8s")
class GcApiTest extends DatabaseTest {

    @Autowired UserService users;
    @Autowired ApplicationTokenService tokens;
    @Autowired JdbcClient jdbc;

    ApiClient admin;
    ApiClient alice;

    @BeforeEach
    void clients() {
        ApiClient anonymous = new ApiClient(Integer.parseInt(environment.getProperty("local.server.port")), null);
        admin = client(anonymous, users.changeAdmin(newUser("admin"), true));
        alice = client(anonymous, newUser("alice"));
    }

    User newUser(String prefix) {
        String name = unique(prefix);
        return users.create(NewUser.regular(name, name + "@example.com", "password-of-" + name));
    }

    ApiClient client(ApiClient anonymous, User user) {
        return anonymous.as(user.username(), tokens.createFor(user, unique("api")).plainToken());
    }

    JsonNode finished(long id) {
        return Poll.until("gc run " + id + " finished", () -> {
            JsonNode run = admin.get("/api/v1/gc/" + id).json();
            return "running".equals(run.get("state").asString()) ? java.util.Optional.empty() : java.util.Optional.of(run);
        });
    }

    @Test
    void anAdminStartsADryRunAndReadsItsResult() {
        var started = admin.post("/api/v1/gc", "{\"dry_run\":true}");

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long id = started.json().get("id").asLong();
        assertThat(started.json().get("dry_run").asBoolean()).isTrue();
        JsonNode run = finished(id);
        assertThat(run.get("state").asString()).isEqualTo("done");
        for (String field : new String[] {"blobs_deleted", "bytes_freed", "manifests_deleted", "started_at", "finished_at",
                "phase", "repositories_scanned", "blobs_scanned"}) {
            assertThat(run.has(field)).as(field).isTrue();
        }
        var list = admin.get("/api/v1/gc");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get(0).get("id").asLong()).isEqualTo(id); // newest first
        assertThat(list.header("X-Total")).isNotNull();
    }

    @Test
    void anAdminStartsARealRun() {
        var started = admin.post("/api/v1/gc", "{\"dry_run\":false}");

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode run = finished(started.json().get("id").asLong());
        assertThat(run.get("state").asString()).isEqualTo("done");
        assertThat(run.get("dry_run").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM activities WHERE activity_key = 'gc.run' AND trackable_id = ?")
                .param(run.get("id").asLong()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void othersAreRefused() {
        assertThat(alice.post("/api/v1/gc", "{}").status()).isEqualTo(403);
        assertThat(alice.get("/api/v1/gc").status()).isEqualTo(403);
        assertThat(alice.get("/api/v1/gc/1").status()).isEqualTo(403);
        assertThat(new ApiClient(Integer.parseInt(environment.getProperty("local.server.port")), null)
                .post("/api/v1/gc", "{}").status()).isEqualTo(401);
    }

    @Test
    void anUnknownRunIs404() {
        var r = admin.get("/api/v1/gc/987654321");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().has("error") || r.json().has("message")).as(r.toString()).isTrue();
    }

    @Test
    void aRunOnAnotherInstanceMakesAStartConflict() {
        jdbc.sql("DELETE FROM job_leases WHERE name = 'gc'").update();
        jdbc.sql("INSERT INTO job_leases (name, holder, expires_at) VALUES ('gc', 'another-instance', ?)")
                .param(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(5)).update();
        try {
            var r = admin.post("/api/v1/gc", "{\"dry_run\":true}");
            assertThat(r.status()).as(r.toString()).isEqualTo(409);
            assertThat(r.json().get("error").asString()).contains("already running");
        } finally {
            jdbc.sql("DELETE FROM job_leases WHERE name = 'gc'").update();
        }
        assertThat(admin.post("/api/v1/gc", "{\"dry_run\":true}").status()).isEqualTo(202);
        finished(admin.get("/api/v1/gc").json().get(0).get("id").asLong());
    }

    @Test
    void aRunLeftRunningByADeadInstanceIsFailedAndItsDeletionRowsClearedByTheNextStart() {
        jdbc.sql("DELETE FROM job_leases WHERE name = 'gc'").update();
        jdbc.sql("INSERT INTO gc_runs (state, dry_run, phase, holder, started_at) VALUES ('running', FALSE, 'blobs', "
                + "'dead-instance', ?)").param(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)).update();
        long dead = jdbc.sql("SELECT MAX(id) FROM gc_runs WHERE holder = 'dead-instance'").query(Long.class).single();
        String digest = "sha256:" + "ab".repeat(32);
        jdbc.sql("INSERT INTO gc_deletions (digest, run_id, started_at) VALUES (?, ?, ?)")
                .params(digest, dead, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)).update();

        var started = admin.post("/api/v1/gc", "{\"dry_run\":true}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        finished(started.json().get("id").asLong());

        JsonNode old = admin.get("/api/v1/gc/" + dead).json();
        assertThat(old.get("state").asString()).isEqualTo("failed");
        assertThat(old.get("error").asString()).contains("stopped");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM gc_deletions WHERE digest = ?").param(digest).query(Long.class).single())
                .isZero();
    }
}
