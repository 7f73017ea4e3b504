package io.portus.catalog.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.portus.catalog.RepositoryView;
import io.portus.common.DbTime;
import io.portus.common.Page;
import io.portus.common.PageQuery;
import io.portus.common.SortColumns;
import io.portus.common.SqlPages;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code repositories} table, read with its namespace, tag count and stars. */
@Repository
public class RepositoryStore {

    private static final String COLUMNS = "r.id, r.name, r.namespace_id, n.name AS namespace_name, n.global, "
            + "n.registry_id, r.description, r.created_at, r.updated_at, "
            + "(SELECT COUNT(*) FROM tags t WHERE t.repository_id = r.id) AS tag_count, "
            + "(SELECT COUNT(*) FROM stars s WHERE s.repository_id = r.id) AS star_count";
    private static final String FROM = "FROM repositories r JOIN namespaces n ON n.id = r.namespace_id ";
    private static final String SELECT = "SELECT " + COLUMNS + " " + FROM;

    /** The API's sortable attributes of repositories. */
    public static final SortColumns SORTS = new SortColumns("r.id").text("name", "r.name")
            .other("created_at", "r.created_at").other("updated_at", "r.updated_at");
    private static final RowMapper<RepositoryView> ROW = (rs, i) -> {
        boolean global = rs.getBoolean("global");
        String name = rs.getString("name");
        String ns = rs.getString("namespace_name");
        return new RepositoryView(rs.getLong("id"), name, global ? name : ns + "/" + name, rs.getLong("namespace_id"),
                ns, global, rs.getLong("registry_id"), rs.getString("description"), rs.getLong("tag_count"),
                rs.getLong("star_count"), DbTime.read(rs, "created_at"), DbTime.read(rs, "updated_at"));
    };

    private final JdbcClient jdbc;
    private final SqlPages pages;

    public RepositoryStore(JdbcClient jdbc, SqlPages pages) {
        this.jdbc = jdbc;
        this.pages = pages;
    }

    /**
     * A page of repositories in the order asked for: of one namespace ({@code namespaceId}), those the user may
     * see ({@code userId}; null = all), optionally only those {@code starredBy} a user.
     */
    public Page<RepositoryView> page(Long namespaceId, Long userId, Long starredBy, PageQuery query) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1 ");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (namespaceId != null) {
            where.append("AND r.namespace_id = :ns ");
            params.put("ns", namespaceId);
        }
        if (userId != null) {
            where.append("AND (n.visibility IN (1, 2) OR n.global = TRUE OR EXISTS (SELECT 1 FROM team_users tu "
                    + "WHERE tu.team_id = n.team_id AND tu.user_id = :user)) ");
            params.put("user", userId);
        }
        if (starredBy != null) {
            where.append("AND EXISTS (SELECT 1 FROM stars st WHERE st.repository_id = r.id AND st.user_id = :starredBy) ");
            params.put("starredBy", starredBy);
        }
        return pages.readNamed(COLUMNS, FROM + where, params, SORTS, query, ROW);
    }

    public Optional<Long> idOf(long namespaceId, String name) {
        return jdbc.sql("SELECT id FROM repositories WHERE namespace_id = ? AND name = ?").params(namespaceId, name)
                .query(Long.class).optional();
    }

    /** The repository's id, creating it when missing (safe against a concurrent insert). */
    public long ensure(long namespaceId, String name) {
        Optional<Long> id = idOf(namespaceId, name);
        if (id.isPresent()) {
            return id.get();
        }
        Instant now = DbTime.now();
        try {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO repositories (namespace_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)")
                    .params(namespaceId, name, DbTime.toDb(now), DbTime.toDb(now)).update(keys, "id");
            return keys.getKeyAs(Number.class).longValue();
        } catch (DuplicateKeyException raced) {
            return idOf(namespaceId, name).orElseThrow();
        }
    }

    public void touch(long id) {
        jdbc.sql("UPDATE repositories SET updated_at = ? WHERE id = ?").params(DbTime.toDb(DbTime.now()), id).update();
    }

    public void setDescription(long id, String description) {
        jdbc.sql("UPDATE repositories SET description = ?, updated_at = ? WHERE id = ?")
                .params(description, DbTime.toDb(DbTime.now()), id).update();
    }

    /** False when another transaction deleted it first. */
    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM repositories WHERE id = ?").param(id).update() > 0;
    }

    public Optional<RepositoryView> view(long id) {
        return jdbc.sql(SELECT + "WHERE r.id = ?").param(id).query(ROW).optional();
    }

    public List<RepositoryView> inNamespaces(Collection<Long> namespaceIds) {
        if (namespaceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + "WHERE r.namespace_id IN (:ids) ORDER BY r.id").param("ids", namespaceIds)
                .query(ROW).list();
    }

    public List<RepositoryView> all() {
        return jdbc.sql(SELECT + "ORDER BY r.id").query(ROW).list();
    }

    public List<RepositoryView> ofRegistry(long registryId) {
        return jdbc.sql(SELECT + "WHERE n.registry_id = ? ORDER BY r.id").param(registryId).query(ROW).list();
    }

    /**
     * One page of repositories for the UI, {@code limit + 1} rows: of one namespace (by name, on the
     * (namespace_id, name) index), or else all those the user may see (by id) — {@code userId} null = every
     * namespace, {@code publicOnly} = public namespaces only — optionally matching {@code query} on the
     * repository or namespace name.
     */
    public List<RepositoryView> page(RepositoryQuery q, int offset, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE 1 = 1 ");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (q.namespaceId() != null) {
            sql.append("AND r.namespace_id = :ns ");
            params.put("ns", q.namespaceId());
        }
        if (q.publicOnly()) {
            sql.append("AND n.visibility = 2 ");
        } else if (q.userId() != null) {
            sql.append("AND (n.visibility IN (1, 2) OR n.global = TRUE OR EXISTS (SELECT 1 FROM team_users tu "
                    + "WHERE tu.team_id = n.team_id AND tu.user_id = :user)) ");
            params.put("user", q.userId());
        }
        if (q.text() != null && !q.text().isBlank()) {
            sql.append("AND (LOWER(r.name) LIKE :like ESCAPE '!' OR LOWER(n.name) LIKE :like ESCAPE '!') ");
            params.put("like", "%" + q.text().trim().toLowerCase(java.util.Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        sql.append(q.namespaceId() != null ? "ORDER BY r.name " : "ORDER BY r.id ").append("LIMIT :limit OFFSET :offset");
        params.put("limit", limit + 1);
        params.put("offset", offset);
        return jdbc.sql(sql.toString()).params(params).query(ROW).list();
    }

    /** What {@link #page} lists; see there. */
    public record RepositoryQuery(Long namespaceId, Long userId, boolean publicOnly, String text) {
    }
}
