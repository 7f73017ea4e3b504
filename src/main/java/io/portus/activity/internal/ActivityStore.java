package io.portus.activity.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.portus.activity.Activity;
import io.portus.activity.ActivityFilter;
import io.portus.common.DbTime;
import io.portus.common.Page;
import io.portus.common.PageQuery;
import io.portus.common.SortColumns;
import io.portus.common.SqlPages;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code activities} table. */
@Repository
public class ActivityStore {

    private static final String COLUMNS = "id, activity_key, owner_id, owner_name, trackable_type, trackable_id, "
            + "trackable_name, recipient_type, recipient_id, recipient_name, namespace_id, team_id, parameters, created_at";
    private static final String FROM = "FROM activities ";
    private static final String SELECT = "SELECT " + COLUMNS + " " + FROM;
    private static final int FETCH = 500;
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final SqlPages pages;
    private final NamedParameterJdbcTemplate streaming;
    private final JsonMapper json;
    private final RowMapper<Activity> row;

    public ActivityStore(JdbcClient jdbc, SqlPages pages, DataSource dataSource, JsonMapper json) {
        this.jdbc = jdbc;
        this.pages = pages;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH);
        this.streaming = new NamedParameterJdbcTemplate(template);
        this.json = json;
        this.row = (rs, i) -> {
            String params = rs.getString("parameters");
            return new Activity(rs.getLong("id"), rs.getString("activity_key"), rs.getObject("owner_id", Long.class),
                    rs.getString("owner_name"), rs.getString("trackable_type"), rs.getObject("trackable_id", Long.class),
                    rs.getString("trackable_name"), rs.getString("recipient_type"),
                    rs.getObject("recipient_id", Long.class), rs.getString("recipient_name"),
                    rs.getObject("namespace_id", Long.class), rs.getObject("team_id", Long.class),
                    params == null ? Map.of() : json.readValue(params, MAP), DbTime.read(rs, "created_at"));
        };
    }

    public void insert(Activity a) {
        jdbc.sql("INSERT INTO activities (activity_key, owner_id, owner_name, trackable_type, trackable_id, trackable_name, "
                        + "recipient_type, recipient_id, recipient_name, namespace_id, team_id, parameters, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.key(), a.ownerId(), a.ownerName(), a.trackableType(), a.trackableId(), a.trackableName(),
                        a.recipientType(), a.recipientId(), a.recipientName(), a.namespaceId(), a.teamId(),
                        a.parameters().isEmpty() ? null : json.writeValueAsString(a.parameters()),
                        DbTime.toDb(DbTime.now()))
                .update();
    }

    /** The API's sortable attributes of activities. */
    public static final SortColumns SORTS = new SortColumns("id").other("created_at", "created_at");

    /** Everything ({@code userId} null) or what a non-admin may see: a page in the order asked for. */
    public Page<Activity> page(Long userId, Collection<Long> namespaceIds, Collection<Long> teamIds, PageQuery query) {
        Map<String, Object> params = new HashMap<>();
        return pages.readNamed(COLUMNS, FROM + where(ActivityFilter.ALL, userId, namespaceIds, teamIds, params),
                params, SORTS, query, row);
    }

    /**
     * Every activity of {@link #page(ActivityFilter, Long, Collection, Collection, int, int)}'s selection, newest
     * first, handed to {@code each} as the database streams them (rows are fetched {@value #FETCH} at a time, never
     * all held in memory). Call inside a transaction: PostgreSQL streams only then.
     */
    public void forEach(ActivityFilter filter, Long userId, Collection<Long> namespaceIds, Collection<Long> teamIds,
                        Consumer<Activity> each) {
        Map<String, Object> params = new HashMap<>();
        String sql = SELECT + where(filter, userId, namespaceIds, teamIds, params) + "ORDER BY id DESC";
        streaming.query(sql, params, (RowCallbackHandler) rs -> each.accept(row.mapRow(rs, 0)));
    }

    private static String where(ActivityFilter filter, Long userId, Collection<Long> namespaceIds,
                                Collection<Long> teamIds, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("WHERE 1 = 1 ");
        if (userId != null) {
            sql.append("AND (owner_id = :user OR namespace_id IN (:ns) OR team_id IN (:teams)) ");
            params.put("user", userId);
            params.put("ns", namespaceIds.isEmpty() ? List.of(-1L) : namespaceIds);
            params.put("teams", teamIds.isEmpty() ? List.of(-1L) : teamIds);
        }
        if (filter.type() != null) {
            sql.append("AND trackable_type = :type ");
            params.put("type", filter.type());
        }
        if (filter.key() != null) {
            sql.append("AND activity_key = :key ");
            params.put("key", filter.key());
        }
        if (filter.owner() != null) {
            sql.append("AND owner_name = :owner ");
            params.put("owner", filter.owner());
        }
        return sql.toString();
    }

    /**
     * One page, newest first, {@code limit + 1} rows: everything ({@code userId} null) or what a non-admin may
     * see, optionally of one trackable type, one key, or one user's doing (by owner name).
     */
    public List<Activity> page(ActivityFilter filter, Long userId, Collection<Long> namespaceIds,
                               Collection<Long> teamIds, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder(SELECT).append(where(filter, userId, namespaceIds, teamIds, params));
        sql.append("ORDER BY id DESC LIMIT :limit OFFSET :offset");
        params.put("limit", limit + 1);
        params.put("offset", offset);
        return jdbc.sql(sql.toString()).params(params).query(row).list();
    }
}
