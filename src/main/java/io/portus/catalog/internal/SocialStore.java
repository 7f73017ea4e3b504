package io.portus.catalog.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.portus.common.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code stars} and {@code comments} tables. */
@Repository
public class SocialStore {

    /** A stored comment (Markdown source). */
    public record CommentRow(long id, long repositoryId, Long userId, String username, String body, Instant createdAt,
                             Instant updatedAt) {
    }

    private final JdbcClient jdbc;

    public SocialStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean starred(long userId, long repositoryId) {
        return jdbc.sql("SELECT COUNT(*) FROM stars WHERE user_id = ? AND repository_id = ?")
                .params(userId, repositoryId).query(Long.class).single() > 0;
    }

    public void star(long userId, long repositoryId) {
        jdbc.sql("INSERT INTO stars (user_id, repository_id, created_at) VALUES (?, ?, ?)")
                .params(userId, repositoryId, DbTime.toDb(DbTime.now())).update();
    }

    public void unstar(long userId, long repositoryId) {
        jdbc.sql("DELETE FROM stars WHERE user_id = ? AND repository_id = ?").params(userId, repositoryId).update();
    }

    /** Ids of the repositories a user starred. */
    public List<Long> starredBy(long userId) {
        return jdbc.sql("SELECT repository_id FROM stars WHERE user_id = ? ORDER BY id").param(userId)
                .query(Long.class).list();
    }

    public long addComment(long repositoryId, long userId, String username, String body) {
        Instant now = DbTime.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO comments (repository_id, user_id, username, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(repositoryId, userId, username, body, DbTime.toDb(now), DbTime.toDb(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public List<CommentRow> comments(long repositoryId) {
        return jdbc.sql("SELECT id, repository_id, user_id, username, body, created_at, updated_at FROM comments "
                        + "WHERE repository_id = ? ORDER BY id")
                .param(repositoryId).query((rs, i) -> new CommentRow(rs.getLong("id"), rs.getLong("repository_id"),
                        rs.getObject("user_id", Long.class), rs.getString("username"), rs.getString("body"),
                        DbTime.read(rs, "created_at"), DbTime.read(rs, "updated_at")))
                .list();
    }

    public Optional<CommentRow> comment(long id) {
        return jdbc.sql("SELECT id, repository_id, user_id, username, body, created_at, updated_at FROM comments WHERE id = ?")
                .param(id).query((rs, i) -> new CommentRow(rs.getLong("id"), rs.getLong("repository_id"),
                        rs.getObject("user_id", Long.class), rs.getString("username"), rs.getString("body"),
                        DbTime.read(rs, "created_at"), DbTime.read(rs, "updated_at")))
                .optional();
    }

    public void deleteComment(long id) {
        jdbc.sql("DELETE FROM comments WHERE id = ?").param(id).update();
    }
}
