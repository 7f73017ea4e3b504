package io.portus.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.portus.account.ApplicationTokenService;
import io.portus.account.UserService;
import io.portus.catalog.CatalogService;
import io.portus.catalog.Poll;
import io.portus.namespace.RegistryService;
import io.portus.rules.NamespaceRulesService;
import io.portus.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** What the rules tests share: a team with a namespace, an admin, raw registry calls, the rules through the API. */
abstract class RulesTestBase extends DatabaseTest {

    @Autowired UserService users;
    @Autowired ApplicationTokenService tokens;
    @Autowired RegistryService registries;
    @Autowired CatalogService catalog;
    @Autowired NamespaceRulesService rules;
    @Autowired JdbcClient jdbc;

    TeamFixture t;
    ApiClient admin;
    long builtinId;
    RulesRegistry registry;

    @BeforeEach
    void setUp() {
        int port = Integer.parseInt(environment.getProperty("local.server.port"));
        builtinId = Poll.until("built-in registry", () -> registries.builtin().filter(r -> !r.hostname().endsWith(":0"))).id();
        t = new TeamFixture(users, tokens, port, builtinId, DatabaseTest::unique);
        admin = TeamFixture.admin(users, tokens, port, unique("admin"));
        registry = new RulesRegistry(port);
    }

    /** Sets rules as the namespace's owner, or as an admin when they include the quota (admins only). */
    JsonNode rulesOf(String json) {
        var r = (json.contains("quota_bytes") ? admin : t.asOwner).put("/api/v1/namespaces/" + t.namespaceId, "{\"namespace\":" + json + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** As after an upgrade from a version without usage, or a lost update. */
    void wipeUsage() {
        jdbc.sql("DELETE FROM namespace_usage WHERE namespace_id = ?").param(t.namespaceId).update();
        jdbc.sql("UPDATE namespace_rules SET used_bytes = 7 WHERE namespace_id = ?").param(t.namespaceId).update();
    }

    long used() {
        return t.asOwner.get("/api/v1/namespaces/" + t.namespaceId).json().get("used_bytes").asLong();
    }

    long awaitTagId(String repo, String tag) {
        long repoId = Poll.until(repo, () -> catalog.find(builtinId, repo)).id();
        return Poll.until(repo + ":" + tag, () -> {
            for (JsonNode n : t.asOwner.get("/api/v1/repositories/" + repoId + "/tags").json()) {
                if (tag.equals(n.get("name").asString())) {
                    return java.util.Optional.of(n.get("id").asLong());
                }
            }
            return java.util.Optional.empty();
        });
    }
}
