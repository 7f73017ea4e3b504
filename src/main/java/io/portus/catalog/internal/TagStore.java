package io.portus.catalog.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.portus.catalog.Platform;
import io.portus.catalog.TagView;
import io.portus.common.DbTime;
import io.portus.common.Page;
import io.portus.common.PageQuery;
import io.portus.common.SortColumns;
import io.portus.common.SqlPages;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code tags} and {@code tag_platforms} tables. */
@Repository
public class TagStore {

    /** What a write needs of a tag. */
    public record TagRow(long id, long repositoryId, String name, String digest) {
    }

    /** The content of a tag: what its manifest says. */
    record Content(String digest, String mediaType, String artifactType, String imageId, long size,
                   List<Platform> platforms) {
    }

    private static final String COLUMNS = "t.id, t.name, t.repository_id, r.name AS repository_name, "
            + "n.name AS namespace_name, n.global, t.digest, t.media_type, t.artifact_type, t.image_id, t.size, "
            + "t.user_id, t.username, t.pushed_at, t.pulled_at, t.created_at, t.updated_at";
    private static final String FROM = "FROM tags t "
            + "JOIN repositories r ON r.id = t.repository_id JOIN namespaces n ON n.id = r.namespace_id ";
    private static final String SELECT = "SELECT " + COLUMNS + " " + FROM;
    private static final RowMapper<TagView> VIEW = (rs, i) -> {
        boolean global = rs.getBoolean("global");
        String repo = global ? rs.getString("repository_name")
                : rs.getString("namespace_name") + "/" + rs.getString("repository_name");
        return new TagView(rs.getLong("id"), rs.getString("name"), rs.getLong("repository_id"), repo,
                rs.getString("digest"), rs.getString("media_type"), rs.getString("artifact_type"),
                rs.getString("image_id"), rs.getLong("size"), rs.getObject("user_id", Long.class),
                rs.getString("username"), DbTime.read(rs, "pushed_at"), DbTime.read(rs, "pulled_at"),
                DbTime.read(rs, "created_at"), DbTime.read(rs, "updated_at"), List.of());
    };

    /** The API's sortable attributes of tags. */
    public static final SortColumns SORTS = new SortColumns("t.id").text("name", "t.name")
            .other("created_at", "t.created_at").other("updated_at", "t.updated_at");
    private static final RowMapper<TagRow> TAG_ROW = (rs, i) -> new TagRow(rs.getLong("id"),
            rs.getLong("repository_id"), rs.getString("name"), rs.getString("digest"));

    private final JdbcClient jdbc;
    private final SqlPages pages;

    public TagStore(JdbcClient jdbc, SqlPages pages) {
        this.jdbc = jdbc;
        this.pages = pages;
    }

    public Optional<TagRow> find(long repositoryId, String name) {
        return jdbc.sql("SELECT id, repository_id, name, digest FROM tags WHERE repository_id = ? AND name = ?")
                .params(repositoryId, name).query(TAG_ROW).optional();
    }

    public Optional<TagRow> byId(long id) {
        return jdbc.sql("SELECT id, repository_id, name, digest FROM tags WHERE id = ?").param(id).query(TAG_ROW).optional();
    }

    public List<TagRow> ofRepository(long repositoryId) {
        return jdbc.sql("SELECT id, repository_id, name, digest FROM tags WHERE repository_id = ? ORDER BY name")
                .param(repositoryId).query(TAG_ROW).list();
    }

    public List<TagRow> withDigest(long repositoryId, String digest) {
        return jdbc.sql("SELECT id, repository_id, name, digest FROM tags WHERE repository_id = ? AND digest = ? ORDER BY name")
                .params(repositoryId, digest).query(TAG_ROW).list();
    }

    long insert(long repositoryId, String name, Content c, Long userId, String username, Instant pushedAt) {
        Instant now = DbTime.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO tags (repository_id, name, digest, media_type, artifact_type, image_id, size, user_id, "
                        + "username, pushed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(repositoryId, name, c.digest(), c.mediaType(), c.artifactType(), c.imageId(), c.size(), userId,
                        username, DbTime.toDb(pushedAt), DbTime.toDb(now), DbTime.toDb(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        insertPlatforms(id, c.platforms());
        return id;
    }

    void update(long id, Content c, Long userId, String username, Instant pushedAt) {
        jdbc.sql("UPDATE tags SET digest = ?, media_type = ?, artifact_type = ?, image_id = ?, size = ?, user_id = ?, "
                        + "username = ?, pushed_at = ?, updated_at = ? WHERE id = ?")
                .params(c.digest(), c.mediaType(), c.artifactType(), c.imageId(), c.size(), userId, username,
                        DbTime.toDb(pushedAt), DbTime.toDb(DbTime.now()), id)
                .update();
        jdbc.sql("DELETE FROM tag_platforms WHERE tag_id = ?").param(id).update();
        insertPlatforms(id, c.platforms());
    }

    private void insertPlatforms(long tagId, List<Platform> platforms) {
        for (Platform p : platforms) {
            jdbc.sql("INSERT INTO tag_platforms (tag_id, digest, media_type, os, architecture, variant, size) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(tagId, p.digest(), p.mediaType(), p.os(), p.architecture(), p.variant(), p.size()).update();
        }
    }

    /** False when another transaction deleted it first. */
    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM tags WHERE id = ?").param(id).update() > 0;
    }

    public long count(long repositoryId) {
        return jdbc.sql("SELECT COUNT(*) FROM tags WHERE repository_id = ?").param(repositoryId).query(Long.class).single();
    }

    /**
     * Moves pulled_at of the tag (by name) or of the tags pointing at a digest forward to {@code at}; never back,
     * so instances flushing their pull times in any order leave the latest one.
     */
    public void pulled(long repositoryId, String tag, String digest, Instant at) {
        String later = " AND (pulled_at IS NULL OR pulled_at < ?)";
        if (tag != null) {
            jdbc.sql("UPDATE tags SET pulled_at = ? WHERE repository_id = ? AND name = ?" + later)
                    .params(DbTime.toDb(at), repositoryId, tag, DbTime.toDb(at)).update();
        } else {
            jdbc.sql("UPDATE tags SET pulled_at = ? WHERE repository_id = ? AND digest = ?" + later)
                    .params(DbTime.toDb(at), repositoryId, digest, DbTime.toDb(at)).update();
        }
    }

    public Optional<TagView> view(long id) {
        return views(SELECT + "WHERE t.id = ?", id).stream().findFirst();
    }

    public List<TagView> viewsOf(long repositoryId) {
        return views(SELECT + "WHERE t.repository_id = ? ORDER BY t.name", repositoryId);
    }

    public List<TagView> allViews() {
        return views(SELECT + "ORDER BY t.id");
    }

    /** A page of the tags of one repository ({@code repositoryId}; null = all tags) in the order asked for. */
    public Page<TagView> pageViews(Long repositoryId, PageQuery query) {
        Page<TagView> page = repositoryId == null ? pages.read(COLUMNS, FROM, List.of(), SORTS, query, VIEW)
                : pages.read(COLUMNS, FROM + "WHERE t.repository_id = ?", List.of(repositoryId), SORTS, query, VIEW);
        return new Page<>(withPlatforms(page.items()), page.total());
    }

    private List<TagView> views(String sql, Object... params) {
        return withPlatforms(jdbc.sql(sql).params(params).query(VIEW).list());
    }

    private List<TagView> withPlatforms(List<TagView> tags) {
        if (tags.isEmpty()) {
            return tags;
        }
        Map<Long, List<Platform>> platforms = new LinkedHashMap<>();
        jdbc.sql("SELECT tag_id, digest, media_type, os, architecture, variant, size FROM tag_platforms "
                        + "WHERE tag_id IN (:ids) ORDER BY id")
                .param("ids", tags.stream().map(TagView::id).toList())
                .query(rs -> {
                    platforms.computeIfAbsent(rs.getLong("tag_id"), k -> new ArrayList<>()).add(new Platform(
                            rs.getString("digest"), rs.getString("media_type"), rs.getString("os"),
                            rs.getString("architecture"), rs.getString("variant"), rs.getLong("size")));
                });
        return tags.stream().map(t -> new TagView(t.id(), t.name(), t.repositoryId(), t.repository(), t.digest(),
                t.mediaType(), t.artifactType(), t.imageId(), t.size(), t.userId(), t.author(), t.pushedAt(),
                t.pulledAt(), t.createdAt(), t.updatedAt(), List.copyOf(platforms.getOrDefault(t.id(), List.of()))))
                .toList();
    }
}
