package io.portus.importer.internal;

/**
 * Repositories, tags (digest, image id, author and times; Portus's {@code updated_at} is the last push),
 * stars and comments. Rows Portus had marked for deletion are not imported: the registry no longer serves
 * them. A tag keeps its author's name even when the author was not imported.
 */
final class CatalogImport {

    private final Run run;

    CatalogImport(Run run) {
        this.run = run;
    }

    void importAll() {
        repositories();
        tags();
        stars();
        comments();
    }

    private void repositories() {
        Tally tally = new Tally("repositories");
        run.source.each("repositories", r -> {
            String name = r.str("name");
            Long namespace = run.mapped("namespaces", r.id("namespace_id"));
            if (namespace == null) {
                tally.refused(r.id(), name, "its namespace was not imported");
                return;
            }
            var existing = run.find("SELECT id FROM repositories WHERE namespace_id = ? AND name = ?", namespace, name);
            if (run.alreadyHere(tally, "repositories", r.id(), existing)) {
                return;
            }
            if (r.bool("marked", false)) {
                tally.refused(r.id(), name, "marked for deletion in Portus");
            } else if (name == null || name.isBlank() || name.length() > 255) {
                tally.refused(r.id(), name, "no usable name");
            } else {
                run.map("repositories", r.id(), run.insert("INSERT INTO repositories (namespace_id, name, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?)", namespace, name, Run.db(r.time("created_at", run.now)),
                        Run.db(r.time("updated_at", run.now))));
                tally.imported();
            }
        });
        run.done(tally);
    }

    private void tags() {
        Tally tally = new Tally("tags");
        run.source.each("tags", t -> {
            String name = t.str("name");
            Long repository = run.mapped("repositories", t.id("repository_id"));
            String digest = t.str("digest");
            if (repository == null) {
                tally.refused(t.id(), name, "its repository was not imported");
                return;
            }
            var existing = run.find("SELECT id FROM tags WHERE repository_id = ? AND name = ?", repository, name);
            if (run.alreadyHere(tally, "tags", t.id(), existing)) {
                return;
            }
            if (t.bool("marked", false)) {
                tally.refused(t.id(), name, "marked for deletion in Portus");
            } else if (name == null || name.isBlank() || name.length() > 128) {
                tally.refused(t.id(), name, "not a valid tag name");
            } else if (digest == null || digest.isBlank() || digest.length() > 160) {
                tally.refused(t.id(), name, "no manifest digest (Portus never got it from the registry)");
            } else {
                Long user = run.mapped("users", t.id("user_id"));
                String author = t.str("username") != null ? t.str("username")
                        : user == null ? null : run.text("SELECT username FROM users WHERE id = ?", user).orElse(null);
                String imageId = AccountsImport.blankToNull(t.str("image_id"));
                run.map("tags", t.id(), run.insert("INSERT INTO tags (repository_id, name, digest, image_id, size, user_id, "
                                + "username, pushed_at, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?)",
                        repository, name, digest, Run.cut(imageId, 160), user, author,
                        Run.db(t.time("updated_at", t.time("created_at", run.now))),
                        Run.db(t.time("created_at", run.now)), Run.db(t.time("updated_at", run.now))));
                tally.imported();
            }
        });
        run.done(tally);
    }

    private void stars() {
        Tally tally = new Tally("stars");
        run.source.each("stars", s -> {
            Long user = run.mapped("users", s.id("user_id"));
            Long repository = run.mapped("repositories", s.id("repository_id"));
            String row = "user " + s.id("user_id") + ", repository " + s.id("repository_id");
            if (user == null || repository == null) {
                tally.refused(s.id(), row, (user == null ? "its user" : "its repository") + " was not imported");
            } else if (run.find("SELECT id FROM stars WHERE user_id = ? AND repository_id = ?", user, repository)
                    .isPresent()) {
                tally.skipped();
            } else {
                run.insert("INSERT INTO stars (user_id, repository_id, created_at) VALUES (?, ?, ?)", user, repository,
                        Run.db(s.time("created_at", run.now)));
                tally.imported();
            }
        });
        run.done(tally);
    }

    private void comments() {
        Tally tally = new Tally("comments");
        run.source.each("comments", c -> {
            Long repository = run.mapped("repositories", c.id("repository_id"));
            Long user = run.mapped("users", c.id("user_id"));
            var created = Run.db(c.time("created_at", run.now));
            String row = "repository " + c.id("repository_id");
            if (repository == null) {
                tally.refused(c.id(), row, "its repository was not imported");
            } else if (user == null ? run.find("SELECT id FROM comments WHERE repository_id = ? AND created_at = ? AND "
                    + "user_id IS NULL", repository, created).isPresent() : run.find("SELECT id FROM comments WHERE "
                    + "repository_id = ? AND created_at = ? AND user_id = ?", repository, created, user).isPresent()) {
                tally.skipped();
            } else {
                String author = user == null ? null : run.text("SELECT username FROM users WHERE id = ?", user).orElse(null);
                run.insert("INSERT INTO comments (repository_id, user_id, username, body, created_at, updated_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?)", repository, user, author, c.str("body") == null ? ""
                                : c.str("body"), created, Run.db(c.time("updated_at", run.now)));
                tally.imported();
            }
        });
        run.done(tally);
    }
}
