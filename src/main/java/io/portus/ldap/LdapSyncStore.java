package io.portus.ldap;

import io.portus.common.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/** The memberships the group sync added and the teams whose sync is off (migration V62). */
@Repository
class LdapSyncStore {

    private final JdbcClient jdbc;

    LdapSyncStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void track(long teamId, long userId) {
        if (!tracked(teamId, userId)) {
            jdbc.sql("INSERT INTO ldap_team_members (team_id, user_id, created_at) VALUES (?, ?, ?)")
                    .params(teamId, userId, DbTime.toDb(DbTime.now())).update();
        }
    }

    boolean tracked(long teamId, long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM ldap_team_members WHERE team_id = ? AND user_id = ?")
                .params(teamId, userId).query(Long.class).single() > 0;
    }

    void untrack(long teamId, long userId) {
        jdbc.sql("DELETE FROM ldap_team_members WHERE team_id = ? AND user_id = ?").params(teamId, userId).update();
    }

    /** Users the sync added to {@code teamId}. */
    List<Long> trackedUsers(long teamId) {
        return jdbc.sql("SELECT user_id FROM ldap_team_members WHERE team_id = ? ORDER BY user_id").param(teamId)
                .query(Long.class).list();
    }

    /** Teams the sync added {@code userId} to. */
    List<Long> trackedTeams(long userId) {
        return jdbc.sql("SELECT team_id FROM ldap_team_members WHERE user_id = ? ORDER BY team_id").param(userId)
                .query(Long.class).list();
    }

    boolean syncDisabled(long teamId) {
        return jdbc.sql("SELECT COUNT(*) FROM ldap_team_checks WHERE team_id = ? AND disabled = TRUE").param(teamId)
                .query(Long.class).single() > 0;
    }

    void disableSync(long teamId) {
        if (jdbc.sql("UPDATE ldap_team_checks SET disabled = TRUE, updated_at = ? WHERE team_id = ?")
                .params(DbTime.toDb(DbTime.now()), teamId).update() == 0) {
            jdbc.sql("INSERT INTO ldap_team_checks (team_id, disabled, updated_at) VALUES (?, TRUE, ?)")
                    .params(teamId, DbTime.toDb(DbTime.now())).update();
        }
    }
}
