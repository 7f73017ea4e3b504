package io.portus.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code PUT /api/v1/namespaces/:id} with rules: validation (422 naming the field), who may set them, what GET
 * shows.
 */
abstract class RulesApiContract extends RulesTestBase {

    @Test
    void badRulesAre422AndOnlyOwnersAndAdminsSetThem() {
        String path = "/api/v1/namespaces/" + t.namespaceId;
        var badRegex = t.asOwner.put(path, "{\"namespace\":{\"immutable_tags_pattern\":\"v(\"}}");
        assertThat(badRegex.status()).isEqualTo(422);
        assertThat(badRegex.json().get("error").get("immutable_tags_pattern").get(0).asString())
                .contains("not a valid regular expression");
        var tooLong = t.asOwner.put(path, "{\"namespace\":{\"immutable_tags_pattern\":\"" + "a".repeat(256) + "\"}}");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("error").get("immutable_tags_pattern").get(0).asString()).contains("too long");
        for (String quota : new String[] {"-1", "\"lots\"", "1.5"}) {
            var bad = t.asOwner.put(path, "{\"namespace\":{\"quota_bytes\":" + quota + "}}");
            assertThat(bad.status()).as(quota).isEqualTo(422);
            assertThat(bad.json().get("error").has("quota_bytes")).isTrue();
        }
        var both = t.asOwner.put(path, "{\"namespace\":{\"description\":\"changed\",\"quota_bytes\":-5}}");
        assertThat(both.status()).isEqualTo(422);
        assertThat(t.asOwner.get(path).json().get("description").isNull()).as("nothing changed").isTrue();

        assertThat(t.asContributor.put(path, "{\"namespace\":{\"quota_bytes\":1}}").status()).isEqualTo(403);
        assertThat(t.asViewer.put(path, "{\"namespace\":{\"immutable_tags\":true}}").status()).isEqualTo(403);
        assertThat(t.asStranger.put(path, "{\"namespace\":{\"immutable_tags\":true}}").status()).isEqualTo(403);
        assertThat(admin.put(path, "{\"namespace\":{\"quota_bytes\":1000}}").status()).isEqualTo(200);
        JsonNode shown = t.asViewer.get(path).json();
        assertThat(shown.get("quota_bytes").asLong()).isEqualTo(1000);
        assertThat(shown.get("used_bytes").asLong()).isZero();
        assertThat(shown.get("immutable_tags").asBoolean()).isFalse();
        assertThat(shown.get("immutable_tags_pattern").isNull()).isTrue();
        assertThat(rules.of(t.namespaceId).quotaBytes()).isEqualTo(1000);

        // the quota is the admins': an owner may not lift or change it, only send it back unchanged
        var lift = t.asOwner.put(path, "{\"namespace\":{\"quota_bytes\":null}}");
        assertThat(lift.status()).isEqualTo(403);
        assertThat(lift.toString()).contains("Only administrators can change a namespace's quota");
        assertThat(t.asOwner.put(path, "{\"namespace\":{\"quota_bytes\":2000}}").status()).isEqualTo(403);
        assertThat(t.asOwner.put(path, "{\"namespace\":{\"quota_bytes\":1000,\"immutable_tags\":true}}").status())
                .isEqualTo(200);
        assertThat(rules.of(t.namespaceId).quotaBytes()).isEqualTo(1000);
        assertThat(rules.of(t.namespaceId).immutableTags()).isTrue();

        // each change is an activity of the namespace, with old and new values
        var changes = jdbc.sql("SELECT owner_name, parameters FROM activities WHERE activity_key = 'namespace.change_rules'"
                + " AND namespace_id = ? ORDER BY id").param(t.namespaceId).query((rs, n) -> rs.getString(1) + " "
                + rs.getString(2)).list();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0)).contains("none -> 1000");
        assertThat(changes.get(1)).contains("\"immutable_tags\":\"false -> true\"", "\"quota_bytes\":\"1000 -> 1000\"");
    }

}
