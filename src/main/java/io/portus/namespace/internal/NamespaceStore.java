package io.portus.namespace.internal;

import io.portus.common.DbTime;
import io.portus.common.Page;
import io.portus.common.PageQuery;
import io.portus.common.SortColumns;
import io.portus.common.SqlPages;
import io.portus.namespace.AccessFacts;
import io.portus.namespace.Namespace;
import io.portus.namespace.Visibility;
import io.portus.team.Role;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code namespaces} table (joined with the owning team). */
@Repository
public class NamespaceStore {

    private static final String COLUMNS = "n.id, n.name, n.description, n.team_id, t.name AS team_name, "
            + "t.hidden AS team_hidden, t.personal_user_id, n.registry_id, n.visibility, n.global, n.created_at, "
            + "n.updated_at";
    private static final String FROM = "FROM namespaces n JOIN teams t ON t.id = n.team_id ";
    private static final String SELECT = "SELECT " + COLUMNS + " " + FROM;
    private static final String VISIBLE = "(n.visibility IN (1, 2) OR n.global = TRUE OR EXISTS "
            + "(SELECT 1 FROM team_users tu WHERE tu.team_id = n.team_id AND tu.user_id = ?))";

    /** The API's sortable attributes of namespaces. */
    public static final SortColumns SORTS = new SortColumns("n.id").text("name", "n.name")
            .other("created_at", "n.created_at").other("updated_at", "n.updated_at");
    private static final RowMapper<Namespace> ROW = (rs, n) -> new Namespace(rs.getLong("id"), rs.getString("name"),
            rs.getString("description"), rs.getLong("team_id"), rs.getString("team_name"), rs.getBoolean("team_hidden"),
            rs.getObject("personal_user_id", Long.class), rs.getLong("registry_id"),
            Visibility.fromCode(rs.getInt("visibility")), rs.getBoolean("global"), DbTime.read(rs, "created_at"),
            DbTime.read(rs, "updated_at"));
    private static final String FACTS = "SELECT n.id, n.global, n.visibility, t.personal_user_id, tu.role "
            + "FROM namespaces n JOIN teams t ON t.id = n.team_id "
            + "LEFT JOIN team_users tu ON tu.team_id = n.team_id AND tu.user_id = ? ";
    private static final RowMapper<AccessFacts> FACTS_ROW = (rs, n) -> {
        Integer role = rs.getObject("role", Integer.class);
        return new AccessFacts(rs.getLong("id"), rs.getBoolean("global"), Visibility.fromCode(rs.getInt("visibility")),
                rs.getObject("personal_user_id", Long.class), role == null ? null : Role.fromCode(role));
    };

    private final JdbcClient jdbc;
    private final SqlPages pages;

    public NamespaceStore(JdbcClient jdbc, SqlPages pages) {
        this.jdbc = jdbc;
        this.pages = pages;
    }

    /** {@link #all()} ({@code userId} null) or {@link #visibleTo(long)}, a page in the order asked for. */
    public Page<Namespace> page(Long userId, PageQuery query) {
        return userId == null ? pages.read(COLUMNS, FROM, List.of(), SORTS, query, ROW)
                : pages.read(COLUMNS, FROM + "WHERE " + VISIBLE, List.of(userId), SORTS, query, ROW);
    }

    public long insert(String name, String description, long teamId, long registryId, Visibility visibility,
                       boolean global) {
        Instant now = DbTime.now();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO namespaces (name, description, team_id, registry_id, visibility, global, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(name, description, teamId, registryId, visibility.code(), global, DbTime.toDb(now),
                        DbTime.toDb(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Namespace> byId(long id) {
        return jdbc.sql(SELECT + "WHERE n.id = ?").param(id).query(ROW).optional();
    }

    public Optional<Namespace> byName(long registryId, String name) {
        return jdbc.sql(SELECT + "WHERE n.registry_id = ? AND n.name = ?").params(registryId, name).query(ROW).optional();
    }

    public Optional<Namespace> global(long registryId) {
        return jdbc.sql(SELECT + "WHERE n.registry_id = ? AND n.global = TRUE").param(registryId).query(ROW).optional();
    }

    public boolean nameUsedAnywhere(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM namespaces WHERE name = ?").param(name).query(Long.class).single() > 0;
    }

    public List<Namespace> all() {
        return jdbc.sql(SELECT + "ORDER BY n.id").query(ROW).list();
    }

    /** What a non-admin may list: public, protected, global, or of a team they belong to. */
    public List<Namespace> visibleTo(long userId) {
        return jdbc.sql(SELECT + "WHERE n.visibility IN (1, 2) OR n.global = TRUE OR EXISTS "
                        + "(SELECT 1 FROM team_users tu WHERE tu.team_id = n.team_id AND tu.user_id = ?) ORDER BY n.id")
                .param(userId).query(ROW).list();
    }

    /**
     * A page of {@link #all()} ({@code userId} null) or {@link #visibleTo(long)}, by id, optionally only those
     * whose name contains {@code query}; {@code limit + 1} rows.
     */
    public List<Namespace> page(Long userId, String query, int offset, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE 1 = 1 ");
        List<Object> params = new java.util.ArrayList<>();
        if (userId != null) {
            sql.append("AND (n.visibility IN (1, 2) OR n.global = TRUE OR EXISTS "
                    + "(SELECT 1 FROM team_users tu WHERE tu.team_id = n.team_id AND tu.user_id = ?)) ");
            params.add(userId);
        }
        if (query != null && !query.isBlank()) {
            sql.append("AND (LOWER(n.name) LIKE ? ESCAPE '!' OR LOWER(n.description) LIKE ? ESCAPE '!') ");
            String like = "%" + query.trim().toLowerCase(java.util.Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            params.add(like);
            params.add(like);
        }
        sql.append("ORDER BY n.id LIMIT ? OFFSET ?");
        params.add(limit + 1);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(ROW).list();
    }

    /** Non-global namespaces of the teams {@code userId} belongs to (personal one included); {@code limit + 1} rows. */
    public List<Namespace> pageOfMember(long userId, int offset, int limit) {
        return jdbc.sql(SELECT + "WHERE n.global = FALSE AND EXISTS (SELECT 1 FROM team_users tu WHERE "
                        + "tu.team_id = n.team_id AND tu.user_id = ?) ORDER BY n.id LIMIT ? OFFSET ?")
                .params(userId, limit + 1, offset).query(ROW).list();
    }

    public List<Namespace> ofTeam(long teamId) {
        return jdbc.sql(SELECT + "WHERE n.team_id = ? ORDER BY n.id").param(teamId).query(ROW).list();
    }

    public List<Namespace> ofPersonalTeam(long userId) {
        return jdbc.sql(SELECT + "WHERE t.personal_user_id = ? AND n.global = FALSE ORDER BY n.id").param(userId)
                .query(ROW).list();
    }

    /** The facts for one namespace by name ({@code null} name = the registry's global namespace). */
    public Optional<AccessFacts> facts(long registryId, String name, long userId) {
        if (name == null) {
            return jdbc.sql(FACTS + "WHERE n.registry_id = ? AND n.global = TRUE").params(userId, registryId)
                    .query(FACTS_ROW).optional();
        }
        return jdbc.sql(FACTS + "WHERE n.registry_id = ? AND n.name = ?").params(userId, registryId, name)
                .query(FACTS_ROW).optional();
    }

    public Optional<AccessFacts> facts(long namespaceId, long userId) {
        return jdbc.sql(FACTS + "WHERE n.id = ?").params(userId, namespaceId).query(FACTS_ROW).optional();
    }

    public void update(long id, String name, String description, long teamId, Visibility visibility) {
        jdbc.sql("UPDATE namespaces SET name = ?, description = ?, team_id = ?, visibility = ?, updated_at = ? "
                        + "WHERE id = ?")
                .params(name, description, teamId, visibility.code(), DbTime.toDb(DbTime.now()), id).update();
    }

    /** Deletes the namespace row (its repositories, tags and webhooks go with it by foreign key). */
    public void delete(long id) {
        jdbc.sql("DELETE FROM namespaces WHERE id = ?").param(id).update();
    }
}
