package io.portus.rules.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.portus.common.DbTime;
import io.portus.registry.PushRules;
import io.portus.rules.NamespaceRules;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code namespace_rules} rows (rules and usage, one per namespace, created on first use) and the
 * {@code namespace_usage} rows the usage is made of (V67).
 */
@Repository
public class RulesStore {

    private static final String SELECT = "SELECT namespace_id, immutable_tags, immutable_tags_pattern, quota_bytes, "
            + "used_bytes FROM namespace_rules WHERE namespace_id = ?";
    private static final RowMapper<NamespaceRules> ROW = (rs, n) -> new NamespaceRules(rs.getLong("namespace_id"),
            rs.getBoolean("immutable_tags"), rs.getString("immutable_tags_pattern"),
            rs.getObject("quota_bytes", Long.class), rs.getLong("used_bytes"));

    private final JdbcClient jdbc;

    RulesStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rules of a namespace (defaults when it has no row yet). */
    public NamespaceRules find(long namespaceId) {
        return jdbc.sql(SELECT).param(namespaceId).query(ROW).optional()
                .orElseGet(() -> NamespaceRules.none(namespaceId));
    }

    /**
     * Creates the row of an existing namespace unless there is one. Call outside the transaction that then locks
     * it: on PostgreSQL a failed insert (another instance won the race) would end that transaction.
     */
    void ensure(long namespaceId) {
        try {
            jdbc.sql("INSERT INTO namespace_rules (namespace_id, immutable_tags, used_bytes) SELECT n.id, FALSE, 0 "
                            + "FROM namespaces n WHERE n.id = ? AND NOT EXISTS "
                            + "(SELECT 1 FROM namespace_rules r WHERE r.namespace_id = n.id)")
                    .param(namespaceId).update();
        } catch (DuplicateKeyException raced) {
            // another push created it first
        }
    }

    /** Locks the namespace's row until the transaction ends (pushes into one namespace queue here). */
    Optional<NamespaceRules> lock(long namespaceId) {
        return jdbc.sql(SELECT + " FOR UPDATE").param(namespaceId).query(ROW).optional();
    }

    /** Writes the rules of a namespace (not inside a transaction: see {@link #ensure}). */
    public void save(long namespaceId, boolean immutableTags, String pattern, Long quotaBytes) {
        ensure(namespaceId);
        update(namespaceId, immutableTags, pattern, quotaBytes);
    }

    private void update(long namespaceId, boolean immutableTags, String pattern, Long quotaBytes) {
        jdbc.sql("UPDATE namespace_rules SET immutable_tags = ?, immutable_tags_pattern = ?, quota_bytes = ?, "
                        + "updated_at = ? WHERE namespace_id = ?")
                .params(immutableTags, pattern, quotaBytes, DbTime.toDb(DbTime.now()), namespaceId).update();
    }

    void addUsed(long namespaceId, long delta) {
        if (delta != 0) {
            jdbc.sql("UPDATE namespace_rules SET used_bytes = used_bytes + ? WHERE namespace_id = ?")
                    .params(delta, namespaceId).update();
        }
    }

    /** Sets the usage to the sum of the distinct contents counted now. */
    long resetUsed(long namespaceId) {
        long used = jdbc.sql("SELECT COALESCE(SUM(s), 0) FROM (SELECT content_digest, MAX(content_size) AS s "
                        + "FROM namespace_usage WHERE namespace_id = ? GROUP BY content_digest) x")
                .param(namespaceId).query(Long.class).single();
        jdbc.sql("UPDATE namespace_rules SET used_bytes = ? WHERE namespace_id = ?").params(used, namespaceId).update();
        return used;
    }

    boolean counted(long namespaceId, String repository, String manifest) {
        return jdbc.sql("SELECT COUNT(*) FROM namespace_usage WHERE namespace_id = ? AND repository = ? AND manifest = ?")
                .params(namespaceId, repository, manifest).query(Long.class).single() > 0;
    }

    /** Which of {@code digests} the namespace counts already. */
    Set<String> present(long namespaceId, Collection<String> digests) {
        if (digests.isEmpty()) {
            return Set.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(namespaceId);
        params.addAll(digests);
        String marks = String.join(", ", java.util.Collections.nCopies(digests.size(), "?"));
        return new HashSet<>(jdbc.sql("SELECT DISTINCT content_digest FROM namespace_usage WHERE namespace_id = ? "
                + "AND content_digest IN (" + marks + ")").params(params).query(String.class).list());
    }

    void insert(long namespaceId, String repository, String manifest, Collection<PushRules.Content> contents) {
        Instant now = DbTime.now();
        for (PushRules.Content c : contents) {
            jdbc.sql("INSERT INTO namespace_usage (namespace_id, repository, manifest, content_digest, content_size, "
                            + "created_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(namespaceId, repository, manifest, c.digest().toString(), c.size(), DbTime.toDb(now))
                    .update();
        }
    }

    /** Removes what one manifest counted; returns those contents (digest, size). */
    List<Counted> remove(long namespaceId, String repository, String manifest) {
        List<Counted> rows = jdbc.sql("SELECT content_digest, content_size FROM namespace_usage WHERE namespace_id = ? "
                        + "AND repository = ? AND manifest = ?").params(namespaceId, repository, manifest)
                .query((rs, n) -> new Counted(rs.getString(1), rs.getLong(2))).list();
        jdbc.sql("DELETE FROM namespace_usage WHERE namespace_id = ? AND repository = ? AND manifest = ?")
                .params(namespaceId, repository, manifest).update();
        return rows;
    }

    /** The manifests counted for one repository. */
    Set<String> manifests(long namespaceId, String repository) {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT manifest FROM namespace_usage WHERE namespace_id = ? "
                + "AND repository = ?").params(namespaceId, repository).query(String.class).list());
    }

    /** The manifests of one repository counted before {@code before} (pushes in flight since then are left alone). */
    Set<String> manifestsCountedBefore(long namespaceId, String repository, Instant before) {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT manifest FROM namespace_usage WHERE namespace_id = ? "
                + "AND repository = ? AND created_at < ?").params(namespaceId, repository, DbTime.toDb(before))
                .query(String.class).list());
    }

    /** Repositories with counted manifests. */
    Set<String> repositories(long namespaceId) {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT repository FROM namespace_usage WHERE namespace_id = ?")
                .param(namespaceId).query(String.class).list());
    }

    /** Forgets rows written before {@code before} (a recount then writes what storage holds). */
    void forgetOlderThan(long namespaceId, Instant before) {
        jdbc.sql("DELETE FROM namespace_usage WHERE namespace_id = ? AND created_at < ?")
                .params(namespaceId, DbTime.toDb(before)).update();
    }

    /** The namespaces of a registry. */
    List<Long> namespaces(long registryId) {
        return jdbc.sql("SELECT id FROM namespaces WHERE registry_id = ? ORDER BY id").param(registryId)
                .query(Long.class).list();
    }

    /** One counted content. */
    record Counted(String digest, long size) {
    }
}
