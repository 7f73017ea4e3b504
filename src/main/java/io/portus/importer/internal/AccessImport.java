package io.portus.importer.internal;

import io.portus.account.User;
import io.portus.namespace.NamespaceNames;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The access model: registries (as external registries, or mapped onto the one here with the same hostname),
 * teams (Portus's hidden personal teams become personal teams, its global teams map onto the global team of
 * the registry here), members with their roles, namespaces (the global one maps onto ours) and each user's
 * personal namespace. The hidden {@code portus} user's personal team and namespace are not used here.
 */
final class AccessImport {

    private final Run run;
    /** Portus team id → the user whose personal namespace it owns. */
    private final Map<Long, Long> personalTeams = new HashMap<>();
    /** Portus team id → the registry whose global namespace it owns. */
    private final Map<Long, Long> globalTeams = new HashMap<>();
    private final Set<Long> portusTeams = new HashSet<>();

    AccessImport(Run run) {
        this.run = run;
    }

    void importAll() {
        var namespaces = run.source.rows("namespaces");
        Map<Long, Row> users = new HashMap<>();
        run.source.rows("users").forEach(u -> users.put(u.id(), u));
        Map<Long, Long> personalNamespaceOwner = new HashMap<>();
        users.values().forEach(u -> {
            if (u.id("namespace_id") != null) {
                personalNamespaceOwner.put(u.id("namespace_id"), u.id());
            }
        });
        for (Row n : namespaces) {
            Long team = n.id("team_id");
            Long owner = personalNamespaceOwner.get(n.id());
            if (team == null) {
                continue;
            }
            if (n.bool("global", false)) {
                globalTeams.put(team, n.id("registry_id"));
            } else if (owner != null && User.PORTUS.equals(users.get(owner).str("username"))) {
                portusTeams.add(team);
            } else if (owner != null) {
                personalTeams.put(team, owner);
            }
        }
        registries();
        teams();
        members();
        namespaces(namespaces, users);
    }

    private void registries() {
        Tally tally = new Tally("registries");
        run.source.each("registries", r -> {
            String hostname = r.str("hostname") == null ? "" : r.str("hostname").trim().toLowerCase(Locale.ROOT);
            String name = r.str("name");
            var existing = run.find("SELECT id FROM registries WHERE hostname = ?", hostname);
            if (run.alreadyHere(tally, "registries", r.id(), existing)) {
                return;
            }
            if (hostname.isEmpty() || name == null || name.isBlank()) {
                tally.refused(r.id(), name, "no name or hostname");
                return;
            }
            if (run.find("SELECT id FROM registries WHERE name = ?", name).isPresent()) {
                tally.refused(r.id(), name, "another registry here is called " + name + " (rename one, then run again)");
                return;
            }
            String external = AccountsImport.blankToNull(r.str("external_hostname"));
            long id = run.insert("INSERT INTO registries (name, hostname, use_ssl, external_hostname, builtin, created_at, "
                            + "updated_at) VALUES (?, ?, ?, ?, FALSE, ?, ?)", name, hostname, r.bool("use_ssl", false),
                    external == null ? null : external.toLowerCase(Locale.ROOT), Run.db(r.time("created_at", run.now)),
                    Run.db(r.time("updated_at", run.now)));
            long team = run.insert("INSERT INTO teams (name, description, hidden, created_at, updated_at) "
                            + "VALUES (?, ?, TRUE, ?, ?)", NamespaceNames.globalTeam(id), "Global team of registry " + name,
                    Run.db(run.now), Run.db(run.now));
            run.insert("INSERT INTO namespaces (name, description, team_id, registry_id, visibility, global, created_at, "
                            + "updated_at) VALUES (?, ?, ?, ?, 2, TRUE, ?, ?)", NamespaceNames.globalNamespace(id),
                    "The global namespace of registry " + name + ".", team, id, Run.db(run.now), Run.db(run.now));
            run.map("registries", r.id(), id);
            tally.imported();
        });
        run.done(tally);
    }

    private void teams() {
        Tally tally = new Tally("teams");
        run.source.each("teams", t -> {
            String name = t.str("name");
            if (portusTeams.contains(t.id())) {
                tally.refused(t.id(), name, "the hidden portus user's personal team is not used here");
                return;
            }
            if (globalTeams.containsKey(t.id())) {
                Long registry = run.mapped("registries", globalTeams.get(t.id()));
                var global = registry == null ? java.util.Optional.<Long>empty()
                        : run.find("SELECT team_id FROM namespaces WHERE registry_id = ? AND global = TRUE", registry);
                if (global.isEmpty()) {
                    tally.refused(t.id(), name, "its registry was not imported");
                } else {
                    run.map("teams", t.id(), global.get());
                    tally.skipped();
                }
                return;
            }
            Long personalUser = personalTeams.containsKey(t.id()) ? run.mapped("users", personalTeams.get(t.id())) : null;
            if (personalTeams.containsKey(t.id()) && personalUser == null) {
                tally.refused(t.id(), name, "the personal team of a user who was not imported");
                return;
            }
            var existing = personalUser != null
                    ? run.find("SELECT id FROM teams WHERE personal_user_id = ?", personalUser)
                    : run.find("SELECT id FROM teams WHERE name = ? AND personal_user_id IS NULL", name);
            if (run.alreadyHere(tally, "teams", t.id(), existing)) {
                return;
            }
            if (name == null || name.isBlank() || run.find("SELECT id FROM teams WHERE name = ?", name).isPresent()) {
                tally.refused(t.id(), name, name == null || name.isBlank() ? "no name"
                        : "another team here is called " + name + " (rename one, then run again)");
                return;
            }
            run.map("teams", t.id(), run.insert("INSERT INTO teams (name, description, hidden, personal_user_id, "
                            + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)", name, Run.cut(t.str("description"), 4000),
                    personalUser != null || t.bool("hidden", false), personalUser, Run.db(t.time("created_at", run.now)),
                    Run.db(t.time("updated_at", run.now))));
            tally.imported();
        });
        run.done(tally);
    }

    private void members() {
        Tally tally = new Tally("team_users");
        run.source.each("team_users", m -> {
            Long team = run.mapped("teams", m.id("team_id"));
            Long user = run.mapped("users", m.id("user_id"));
            Integer role = m.integer("role") == null ? Integer.valueOf(0) : m.integer("role");
            String row = "team " + m.id("team_id") + ", user " + m.id("user_id");
            if (team == null || user == null) {
                tally.refused(m.id(), row, (team == null ? "its team" : "its user") + " was not imported");
            } else if (role < 0 || role > 2) {
                tally.refused(m.id(), row, "unknown role " + role + " (viewer 0, contributor 1, owner 2)");
            } else if (run.find("SELECT id FROM team_users WHERE team_id = ? AND user_id = ?", team, user).isPresent()) {
                tally.skipped();
            } else {
                run.insert("INSERT INTO team_users (team_id, user_id, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                        team, user, role, Run.db(m.time("created_at", run.now)), Run.db(m.time("updated_at", run.now)));
                tally.imported();
            }
        });
        run.done(tally);
    }

    private void namespaces(java.util.List<Row> namespaces, Map<Long, Row> users) {
        Tally tally = new Tally("namespaces");
        for (Row n : namespaces) {
            String name = n.str("name");
            Long registry = run.mapped("registries", n.id("registry_id"));
            if (registry == null) {
                tally.refused(n.id(), name, "its registry was not imported");
                continue;
            }
            if (n.bool("global", false)) {
                run.find("SELECT id FROM namespaces WHERE registry_id = ? AND global = TRUE", registry)
                        .ifPresent(id -> run.map("namespaces", n.id(), id));
                tally.skipped();
                continue;
            }
            if (portusTeams.contains(n.id("team_id"))) {
                tally.refused(n.id(), name, "the hidden portus user's personal namespace is not used here");
                continue;
            }
            var existing = run.find("SELECT id FROM namespaces WHERE registry_id = ? AND name = ?", registry, name);
            if (run.alreadyHere(tally, "namespaces", n.id(), existing)) {
                continue;
            }
            Long team = run.mapped("teams", n.id("team_id"));
            Integer visibility = n.integer("visibility") == null ? Integer.valueOf(0) : n.integer("visibility");
            var problem = name == null ? java.util.Optional.of("no name") : NamespaceNames.problem(name);
            if (problem.isPresent()) {
                tally.refused(n.id(), name, "not a valid namespace name here: " + problem.get());
            } else if (team == null) {
                tally.refused(n.id(), name, "its team was not imported");
            } else if (visibility < 0 || visibility > 2) {
                tally.refused(n.id(), name, "unknown visibility " + visibility + " (private 0, protected 1, public 2)");
            } else {
                run.map("namespaces", n.id(), run.insert("INSERT INTO namespaces (name, description, team_id, registry_id, "
                                + "visibility, global, created_at, updated_at) VALUES (?, ?, ?, ?, ?, FALSE, ?, ?)", name,
                        Run.cut(n.str("description"), 4000), team, registry, visibility,
                        Run.db(n.time("created_at", run.now)), Run.db(n.time("updated_at", run.now))));
                tally.imported();
            }
        }
        run.done(tally);
        for (Row u : users.values()) {
            Long user = run.mapped("users", u.id());
            Long namespace = run.mapped("namespaces", u.id("namespace_id"));
            if (user != null && namespace != null) {
                run.target.sql("UPDATE users SET namespace_id = ? WHERE id = ? AND namespace_id IS NULL")
                        .params(namespace, user).update();
            }
        }
    }
}
