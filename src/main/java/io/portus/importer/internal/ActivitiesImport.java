package io.portus.importer.internal;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Portus's audit trail (public_activity): the key, owner, trackable and recipient are mapped onto the rows
 * imported here (with their names, so the feed reads as before), the namespace or team that scopes who sees
 * the row is derived as the activity module does, and the parameters (Ruby YAML, symbol keys) become JSON.
 * The same activity (key, owner, trackable, time) is never stored twice.
 */
final class ActivitiesImport {

    /** Portus's trackable/recipient types → this project's table, name column. */
    private static final Map<String, String[]> TYPES = Map.of(
            "Namespace", new String[] {"namespaces", "name"},
            "Repository", new String[] {"repositories", "name"},
            "Tag", new String[] {"tags", "name"},
            "Team", new String[] {"teams", "name"},
            "User", new String[] {"users", "username"},
            "Registry", new String[] {"registries", "name"},
            "ApplicationToken", new String[] {"application_tokens", "application"},
            "Webhook", new String[] {"webhooks", "name"});

    private final Run run;
    private final JsonMapper json = JsonMapper.builder().build();

    ActivitiesImport(Run run) {
        this.run = run;
    }

    void importAll() {
        Tally tally = new Tally("activities");
        run.source.each("activities", a -> {
            String key = a.str("key");
            String type = a.str("trackable_type");
            if (key == null || key.isBlank() || key.length() > 64 || type == null || type.length() > 32) {
                tally.refused(a.id(), key, "no usable key or trackable type");
                return;
            }
            Map<String, Object> parameters = parameters(a.str("parameters"));
            Long owner = "User".equals(a.str("owner_type")) || a.str("owner_type") == null
                    ? run.mapped("users", a.id("owner_id")) : null;
            String ownerName = owner != null ? name("User", owner) : (String) parameters.get("owner_name");
            Long trackable = mapped(type, a.id("trackable_id"));
            String recipientType = a.str("recipient_type");
            Long recipient = mapped(recipientType, a.id("recipient_id"));
            var created = Run.db(a.time("created_at", run.now));
            if (exists(key, type, owner, trackable, created)) {
                tally.skipped();
                return;
            }
            Long namespace = switch (type) {
                case "Namespace" -> trackable;
                case "Repository" -> column("repositories", "namespace_id", trackable);
                case "Webhook" -> column("webhooks", "namespace_id", trackable);
                default -> null;
            };
            Long team = "Team".equals(type) ? trackable : column("namespaces", "team_id", namespace);
            run.insert("INSERT INTO activities (activity_key, owner_id, owner_name, trackable_type, trackable_id, "
                            + "trackable_name, recipient_type, recipient_id, recipient_name, namespace_id, team_id, "
                            + "parameters, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    key, owner, Run.cut(ownerName, 255), type, trackable, Run.cut(name(type, trackable), 512),
                    recipientType == null ? null : Run.cut(recipientType, 32), recipient,
                    Run.cut(name(recipientType, recipient), 512), namespace, team,
                    parameters.isEmpty() ? null : json.writeValueAsString(parameters), created);
            tally.imported();
        });
        run.done(tally);
    }

    private boolean exists(String key, String type, Long owner, Long trackable, Object created) {
        String sql = "SELECT id FROM activities WHERE activity_key = ? AND trackable_type = ? AND created_at = ? AND "
                + (owner == null ? "owner_id IS NULL" : "owner_id = " + owner) + " AND "
                + (trackable == null ? "trackable_id IS NULL" : "trackable_id = " + trackable);
        return !run.target.sql(sql).params(key, type, created).query(Long.class).list().isEmpty();
    }

    private Long mapped(String type, Long sourceId) {
        String[] t = type == null ? null : TYPES.get(type);
        return t == null ? null : run.mapped(t[0], sourceId);
    }

    /** The name the activity module gives a row: a repository's is its full name ({@code ns/repo}). */
    private String name(String type, Long id) {
        if ("Repository".equals(type) && id != null) {
            return run.target.sql("SELECT n.name, n.global, r.name AS repo FROM repositories r "
                            + "JOIN namespaces n ON n.id = r.namespace_id WHERE r.id = ?").param(id)
                    .query((rs, i) -> rs.getBoolean("global") ? rs.getString("repo")
                            : rs.getString("name") + "/" + rs.getString("repo"))
                    .optional().orElse(null);
        }
        String[] t = type == null ? null : TYPES.get(type);
        return t == null || id == null ? null
                : run.text("SELECT " + t[1] + " FROM " + t[0] + " WHERE id = ?", id).orElse(null);
    }

    private Long column(String table, String column, Long id) {
        return id == null ? null : run.find("SELECT " + column + " FROM " + table + " WHERE id = ?", id).orElse(null);
    }

    /**
     * public_activity's serialized Hash: YAML with Ruby symbol keys ({@code :namespace_id: 3}) and sometimes a
     * Ruby class tag; anything unreadable gives no parameters rather than a refused row.
     */
    static Map<String, Object> parameters(String yaml) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (yaml == null || yaml.isBlank()) {
            return out;
        }
        try {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(yaml.replaceAll("!ruby/[\\w:/.-]+", ""));
            if (parsed instanceof Map<?, ?> map) {
                map.forEach((k, v) -> {
                    String name = String.valueOf(k);
                    out.put(name.startsWith(":") ? name.substring(1) : name,
                            v instanceof String s && s.startsWith(":") ? s.substring(1) : v);
                });
            }
        } catch (RuntimeException e) {
            return out;
        }
        return out;
    }
}
