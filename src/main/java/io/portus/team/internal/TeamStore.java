package io.portus.team.internal;

import io.portus.common.DbTime;
import io.portus.common.Page;
import io.portus.common.PageQuery;
import io.portus.common.SortColumns;
import io.portus.common.SqlPages;
import io.portus.team.Role;
import io.portus.team.Team;
import io.portus.team.TeamMember;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code teams} and {@code team_users} tables. */
@Repository
public class TeamStore {

    private static final String TEAM_COLUMNS = "t.id, t.name, t.description, t.hidden, t.personal_user_id, "
            + "t.created_at, t.updated_at";
    private static final RowMapper<Team> TEAM = (rs, n) -> new Team(rs.getLong("id"), rs.getString("name"),
            rs.getString("description"), rs.getBoolean("hidden"), rs.getObject("personal_user_id", Long.class),
            DbTime.read(rs, "created_at"), DbTime.read(rs, "updated_at"));
    private static final String MEMBER_SELECT = "SELECT tu.id, tu.team_id, tu.user_id, u.username, u.display_name, "
            + "u.admin, tu.role, tu.created_at, tu.updated_at FROM team_users tu JOIN users u ON u.id = tu.user_id ";
    private static final RowMapper<TeamMember> MEMBER = (rs, n) -> new TeamMember(rs.getLong("id"),
            rs.getLong("team_id"), rs.getLong("user_id"), rs.getString("username"), rs.getString("display_name"),
            rs.getBoolean("admin"), Role.fromCode(rs.getInt("role")), DbTime.read(rs, "created_at"),
            DbTime.read(rs, "updated_at"));

    private final JdbcClient jdbc;
    private final SqlPages pages;

    public TeamStore(JdbcClient jdbc, SqlPages pages) {
        this.jdbc = jdbc;
        this.pages = pages;
    }

    public long insert(String name, String description, boolean hidden, Long personalUserId) {
        Instant now = DbTime.now();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO teams (name, description, hidden, personal_user_id, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(name, description, hidden, personalUserId, DbTime.toDb(now), DbTime.toDb(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Team> byId(long id) {
        return jdbc.sql("SELECT " + TEAM_COLUMNS + " FROM teams t WHERE t.id = ?").param(id).query(TEAM).optional();
    }

    public Optional<Team> byName(String name) {
        return jdbc.sql("SELECT " + TEAM_COLUMNS + " FROM teams t WHERE t.name = ?").param(name).query(TEAM).optional();
    }

    public Optional<Team> personalOf(long userId) {
        return jdbc.sql("SELECT " + TEAM_COLUMNS + " FROM teams t WHERE t.personal_user_id = ?").param(userId)
                .query(TEAM).optional();
    }

    public boolean nameTaken(String name, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM teams WHERE name = ? AND id <> ?").params(name, exceptId)
                .query(Long.class).single() > 0;
    }

    public List<Team> listVisible() {
        return jdbc.sql("SELECT " + TEAM_COLUMNS + " FROM teams t WHERE t.hidden = FALSE ORDER BY t.id").query(TEAM).list();
    }

    public List<Team> listVisibleOf(long userId) {
        return jdbc.sql("SELECT " + TEAM_COLUMNS + " FROM teams t JOIN team_users tu ON tu.team_id = t.id "
                        + "WHERE t.hidden = FALSE AND tu.user_id = ? ORDER BY t.id")
                .param(userId).query(TEAM).list();
    }

    /** Visible teams by id, all ({@code userId} null) or those the user belongs to; {@code limit + 1} rows. */
    public List<Team> pageVisible(Long userId, int offset, int limit) {
        if (userId == null) {
            return jdbc.sql("SELECT " + TEAM_COLUMNS + " FROM teams t WHERE t.hidden = FALSE ORDER BY t.id LIMIT ? OFFSET ?")
                    .params(limit + 1, offset).query(TEAM).list();
        }
        return jdbc.sql("SELECT " + TEAM_COLUMNS + " FROM teams t JOIN team_users tu ON tu.team_id = t.id "
                        + "WHERE t.hidden = FALSE AND tu.user_id = ? ORDER BY t.id LIMIT ? OFFSET ?")
                .params(userId, limit + 1, offset).query(TEAM).list();
    }

    /** The API's sortable attributes of teams. */
    public static final SortColumns SORTS = new SortColumns("t.id").text("name", "t.name")
            .text("description", "t.description").other("created_at", "t.created_at").other("updated_at", "t.updated_at");

    /** Visible teams, all ({@code userId} null) or those the user belongs to, a page in the order asked for. */
    public Page<Team> pageVisible(Long userId, PageQuery query) {
        if (userId == null) {
            return pages.read(TEAM_COLUMNS, "FROM teams t WHERE t.hidden = FALSE", List.of(), SORTS, query, TEAM);
        }
        return pages.read(TEAM_COLUMNS, "FROM teams t JOIN team_users tu ON tu.team_id = t.id "
                + "WHERE t.hidden = FALSE AND tu.user_id = ?", List.of(userId), SORTS, query, TEAM);
    }

    public void update(long id, String name, String description) {
        jdbc.sql("UPDATE teams SET name = ?, description = ?, updated_at = ? WHERE id = ?")
                .params(name, description, DbTime.toDb(DbTime.now()), id).update();
    }

    public List<TeamMember> members(long teamId) {
        return jdbc.sql(MEMBER_SELECT + "WHERE tu.team_id = ? ORDER BY tu.id").param(teamId).query(MEMBER).list();
    }

    public Optional<TeamMember> member(long teamId, long memberId) {
        return jdbc.sql(MEMBER_SELECT + "WHERE tu.team_id = ? AND tu.id = ?").params(teamId, memberId)
                .query(MEMBER).optional();
    }

    public Optional<Role> roleOf(long teamId, long userId) {
        return jdbc.sql("SELECT role FROM team_users WHERE team_id = ? AND user_id = ?").params(teamId, userId)
                .query(Integer.class).optional().map(Role::fromCode);
    }

    public int countOwners(long teamId) {
        return jdbc.sql("SELECT COUNT(*) FROM team_users WHERE team_id = ? AND role = ?")
                .params(teamId, Role.OWNER.code()).query(Integer.class).single();
    }

    public long addMember(long teamId, long userId, Role role) {
        Instant now = DbTime.now();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO team_users (team_id, user_id, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
                .params(teamId, userId, role.code(), DbTime.toDb(now), DbTime.toDb(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void setRole(long memberId, Role role) {
        jdbc.sql("UPDATE team_users SET role = ?, updated_at = ? WHERE id = ?")
                .params(role.code(), DbTime.toDb(DbTime.now()), memberId).update();
    }

    public void removeMember(long memberId) {
        jdbc.sql("DELETE FROM team_users WHERE id = ?").param(memberId).update();
    }

    public void removeUser(long teamId, long userId) {
        jdbc.sql("DELETE FROM team_users WHERE team_id = ? AND user_id = ?").params(teamId, userId).update();
    }

    /** Deletes the team and its memberships. */
    public void delete(long teamId) {
        jdbc.sql("DELETE FROM team_users WHERE team_id = ?").param(teamId).update();
        jdbc.sql("DELETE FROM teams WHERE id = ?").param(teamId).update();
    }

    /** Takes a row lock on the team (serialises membership changes, so the last-owner rule holds). */
    public void lock(long teamId) {
        jdbc.sql("SELECT id FROM teams WHERE id = ? FOR UPDATE").param(teamId).query(Long.class).optional();
    }
}
