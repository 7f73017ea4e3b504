package io.portus.activity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.portus.activity.Activity;
import io.portus.activity.ActivityFilter;
import io.portus.common.DbTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code activities} table. */
@Repository
public class ActivityStore {

    private static final String SELECT = "SELECT id, activity_key, owner_id, owner_name, trackable_type, trackable_id, "
            + "trackable_name, recipient_type, recipient_id, recipient_name, namespace_id, team_id, parameters, created_at "
            + "FROM activities ";
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<Activity> row;

    public ActivityStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
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

    /** Newest first. */
    public List<Activity> all() {
        return jdbc.sql(SELECT + "ORDER BY id DESC").query(row).list();
    }

    /** What a non-admin may see: their own, their namespaces' and their teams' activities. */
    public List<Activity> visible(long userId, Collection<Long> namespaceIds, Collection<Long> teamIds) {
        return jdbc.sql(SELECT + "WHERE owner_id = :user OR namespace_id IN (:ns) OR team_id IN (:teams) ORDER BY id DESC")
                .param("user", userId)
                .param("ns", namespaceIds.isEmpty() ? List.of(-1L) : namespaceIds)
                .param("teams", teamIds.isEmpty() ? List.of(-1L) : teamIds)
                .query(row).list();
    }

    /**
     * One page, newest first, {@code limit + 1} rows: everything ({@code userId} null) or what a non-admin may
     * see, optionally of one trackable type, one key, or one user's doing (by owner name).
     */
    public List<Activity> page(ActivityFilter filter, Long userId, Collection<Long> namespaceIds,
                               Collection<Long> teamIds, int offset, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE 1 = 1 ");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
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
        sql.append("ORDER BY id DESC LIMIT :limit OFFSET :offset");
        params.put("limit", limit + 1);
        params.put("offset", offset);
        return jdbc.sql(sql.toString()).params(params).query(row).list();
    }
}
