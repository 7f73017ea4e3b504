package io.portus.account.internal;

import io.portus.common.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** The {@code provider} / {@code external_uid} columns of {@code users} (migration V61). */
@Repository
public class ExternalIdentityStore {

    private final JdbcClient jdbc;

    public ExternalIdentityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserRow> byIdentity(String provider, String uid) {
        return jdbc.sql("SELECT " + UserStore.COLUMNS + " FROM users u WHERE u.provider = ? AND u.external_uid = ?")
                .params(provider, uid).query(UserStore.ROW).optional();
    }

    /** The provider of a user, empty for a local account. */
    public Optional<String> providerOf(long userId) {
        return jdbc.sql("SELECT provider FROM users WHERE id = ?").param(userId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(p -> p);
    }

    public void link(long userId, String provider, String uid) {
        jdbc.sql("UPDATE users SET provider = ?, external_uid = ?, updated_at = ? WHERE id = ?")
                .params(provider, uid, DbTime.toDb(DbTime.now()), userId).update();
    }
}
