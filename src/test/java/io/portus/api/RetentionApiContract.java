package io.portus.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import io.portus.account.ApplicationTokenService;
import io.portus.account.UserService;
import io.portus.catalog.CatalogService;
import io.portus.catalog.Poll;
import io.portus.catalog.TestPusher;
import io.portus.namespace.RegistryService;
import io.portus.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/namespaces/:id/retention} over real HTTP with real pushes to the built-in registry: who may read
 * and change the rules, their validation, a dry run that deletes nothing, and a run that deletes through the
 * registry as {@code portus} and never a tag sharing its digest with a kept one.
 */
abstract class RetentionApiContract extends DatabaseTest {

    @Autowired UserService users;
    @Autowired ApplicationTokenService tokens;
    @Autowired RegistryService registries;
    @Autowired CatalogService catalog;
    @Autowired JdbcClient jdbc;

    TeamFixture t;
    long builtinId;
    TestPusher pusher;
    String path;

    @BeforeEach
    void setUp() {
        int port = Integer.parseInt(environment.getProperty("local.server.port"));
        builtinId = TeamFixture.builtinRegistry(registries);
        t = new TeamFixture(users, tokens, port, builtinId, DatabaseTest::unique);
        pusher = new TestPusher("http://127.0.0.1:" + port);
        path = "/api/v1/namespaces/" + t.namespaceId + "/retention";
    }

    @Test
    void onlyAdminsAndOwnersChangeOrRunTheRules() {
        String rules = "{\"retention\":{\"enabled\":true,\"rules\":[{\"pattern\":\"^v\",\"kind\":\"latest_pushed\",\"value\":3}]}}";
        assertThat(t.asStranger.get(path).status()).isEqualTo(403);
        assertThat(t.asViewer.get(path).status()).isEqualTo(200);
        assertThat(t.asViewer.get(path).json().get("rules").size()).isZero();
        assertThat(t.asViewer.put(path, rules).status()).isEqualTo(403);
        assertThat(t.asContributor.put(path, rules).status()).isEqualTo(403);
        assertThat(t.asContributor.post(path + "/dry_run", "{}").status()).isEqualTo(403);
        assertThat(t.asContributor.post(path + "/run", "{}").status()).isEqualTo(403);
        assertThat(t.asStranger.post(path + "/run", "{}").status()).isEqualTo(403);
        assertThat(t.asOwner.get("/api/v1/namespaces/0/retention").status()).isEqualTo(404);
        assertThat(t.asOwner.put("/api/v1/namespaces/0/retention", rules).status()).isEqualTo(404);
        assertThat(t.asOwner.get("/api/v1/namespaces/x/retention").status()).isEqualTo(400);

        var saved = t.asOwner.put(path, rules);

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        JsonNode body = t.asViewer.get(path).json();
        assertThat(body.get("enabled").asBoolean()).isTrue();
        assertThat(body.get("interval_hours").isNull()).isTrue();
        assertThat(body.get("rules").get(0).get("pattern").asString()).isEqualTo("^v");
        assertThat(body.get("rules").get(0).get("kind").asString()).isEqualTo("latest_pushed");
        assertThat(body.get("rules").get(0).get("value").asInt()).isEqualTo(3);
        var replaced = t.asOwner.put(path, "{\"retention\":{\"interval_hours\":12,\"rules\":[{\"kind\":\"always\"}]}}");
        assertThat(replaced.json().get("interval_hours").asInt()).isEqualTo(12);
        assertThat(replaced.json().get("enabled").asBoolean()).as("kept when not given").isTrue();
        assertThat(replaced.json().get("rules").get(0).get("pattern").asString()).isEmpty();
    }

    @Test
    void badRulesAre422AndChangeNothing() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("[{\"kind\":\"keep_some\"}]", "is not a kind");
        bad.put("[{\"pattern\":\"(\",\"kind\":\"always\"}]", "not a regular expression");
        bad.put("[{\"kind\":\"latest_pushed\",\"value\":0}]", "between 1 and");
        bad.put("[{\"kind\":\"latest_pushed\"}]", "between 1 and");
        bad.put("[{\"pattern\":\"" + "a".repeat(256) + "\",\"kind\":\"always\"}]", "longer than 255");
        bad.put("[" + "{\"kind\":\"always\"},".repeat(15) + "{\"kind\":\"always\"}]", "at most 15");
        bad.put("[{\"kind\":7,\"value\":\"many\"}]", "");
        bad.put("[{}]", "needs a kind");
        for (var e : bad.entrySet()) {
            var answer = t.asOwner.put(path, "{\"retention\":{\"rules\":" + e.getKey() + "}}");
            assertThat(answer.status()).as(e.getKey() + " " + answer).isEqualTo(422);
            assertThat(answer.body()).as(e.getKey()).contains(e.getValue());
        }
        assertThat(t.asOwner.put(path, "{\"retention\":{\"rules\":{\"kind\":\"always\"}}}").status()).isEqualTo(422);
        assertThat(t.asOwner.put(path, "{\"retention\":{\"interval_hours\":0}}").status()).isEqualTo(422);
        assertThat(t.asOwner.put(path, "{\"retention\":{\"interval_hours\":\"soon\"}}").status()).isEqualTo(400);
        assertThat(t.asOwner.put(path, "{\"retention\":{\"enabled\":\"maybe\"}}").status()).isEqualTo(400);
        assertThat(t.asOwner.get(path).json().get("rules").size()).isZero();
        assertThat(count("SELECT COUNT(*) FROM retention_policies WHERE namespace_id = ?", t.namespaceId)).isZero();
    }

    @Test
    void aDryRunDeletesNothingAndARunDeletesWhatNoRuleKeeps() {
        String app = t.namespace + "/app";
        var v1 = pusher.image(app, "v1", TestPusher.OCI_MANIFEST, 1, 32);
        var v2 = pusher.image(app, "v2", TestPusher.OCI_MANIFEST, 1, 32);
        var v3 = pusher.image(app, "v3", TestPusher.OCI_MANIFEST, 1, 32);
        pusher.putManifest(app, "stable", TestPusher.OCI_MANIFEST, v1.manifest());
        var dev = pusher.image(app, "dev", TestPusher.OCI_MANIFEST, 1, 32);
        var other = pusher.image(t.namespace + "/tools", "old", TestPusher.OCI_MANIFEST, 1, 32);
        awaitTags(app, 5);
        awaitTags(t.namespace + "/tools", 1);
        assertThat(t.asOwner.put(path, "{\"retention\":{\"rules\":[{\"pattern\":\"^v\",\"kind\":\"latest_pushed\",\"value\":1},"
                + "{\"pattern\":\"^stable$\",\"kind\":\"always\"}]}}").status()).isEqualTo(200);

        var dry = t.asOwner.post(path + "/dry_run", "{}");

        assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
        Map<String, JsonNode> byTag = byTag(dry.json());
        assertThat(byTag).hasSize(6);
        assertThat(byTag.get(app + ":v3").get("delete").asBoolean()).isFalse();
        assertThat(byTag.get(app + ":v3").get("reason").asString()).startsWith("kept by rule 1");
        assertThat(byTag.get(app + ":stable").get("reason").asString()).startsWith("kept by rule 2");
        assertThat(byTag.get(app + ":v1").get("delete").asBoolean()).as("shares stable's digest").isFalse();
        assertThat(byTag.get(app + ":v1").get("reason").asString()).isEqualTo("shares its digest with the kept tag stable");
        assertThat(byTag.get(app + ":v1").get("digest").asString()).isEqualTo(v1.digest());
        assertThat(byTag.get(app + ":v2").get("delete").asBoolean()).isTrue();
        assertThat(byTag.get(app + ":dev").get("delete").asBoolean()).isTrue();
        assertThat(byTag.get(app + ":dev").get("reason").asString()).isEqualTo("no retention rule keeps it");
        assertThat(byTag.get(t.namespace + "/tools:old").get("delete").asBoolean()).isTrue();
        assertThat(manifest(app, v2.digest())).as("a dry run deletes nothing").isEqualTo(200);
        assertThat(catalog.find(builtinId, app).orElseThrow().tagCount()).isEqualTo(5);

        var run = t.asOwner.post(path + "/run", "{}");

        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(byTag(run.json()).get(app + ":v2").get("delete").asBoolean()).isTrue();
        assertThat(manifest(app, v2.digest())).isEqualTo(404);
        assertThat(manifest(app, dev.digest())).isEqualTo(404);
        assertThat(manifest(t.namespace + "/tools", other.digest())).isEqualTo(404);
        assertThat(manifest(app, v1.digest())).isEqualTo(200);
        assertThat(manifest(app, v3.digest())).isEqualTo(200);
        assertThat(catalog.tagsOf(catalog.find(builtinId, app).orElseThrow().id()))
                .extracting(io.portus.catalog.TagView::name).containsExactlyInAnyOrder("v1", "v3", "stable");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM activities WHERE activity_key = 'repository.delete' AND owner_name = 'portus' "
                + "AND namespace_id = ?").param(t.namespaceId).query(Long.class).single()).isEqualTo(3);
        assertThat(t.asOwner.get(path).json().get("last_run_at").isNull()).isFalse();
        var again = t.asOwner.post(path + "/dry_run", "{}");
        assertThat(again.json().findValues("delete")).allMatch(d -> !d.asBoolean());
    }

    static Map<String, JsonNode> byTag(JsonNode list) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        list.forEach(d -> out.put(d.get("repository").asString() + ":" + d.get("tag").asString(), d));
        return out;
    }

    void awaitTags(String fullName, int count) {
        Poll.until(fullName + " with " + count + " tags", () -> catalog.find(builtinId, fullName)
                .filter(r -> r.tagCount() == count));
    }

    long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    int manifest(String repo, String digest) {
        return pusher.manifestStatus(repo, digest);
    }
}
