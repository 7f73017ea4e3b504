package io.portus.gc.internal;

import java.util.List;
import java.util.Optional;

import io.portus.common.DbTime;
import io.portus.common.Page;
import io.portus.common.PageQuery;
import io.portus.common.SortColumns;
import io.portus.common.SqlPages;
import io.portus.gc.GcRun;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** The {@code gc_runs} table. */
public final class GcRuns {

    static final SortColumns SORTS = new SortColumns("id").other("started_at", "started_at");
    public static final java.util.Set<String> SORT_ATTRIBUTES = SORTS.attributes();
    private static final String COLUMNS = "id, state, dry_run, phase, started_by, repositories_scanned, blobs_scanned, "
            + "blobs_deleted, bytes_freed, manifests_deleted, error, started_at, finished_at";
    private static final RowMapper<GcRun> ROW = (rs, n) -> new GcRun(rs.getLong("id"), rs.getString("state"),
            rs.getBoolean("dry_run"), rs.getString("phase"), rs.getString("started_by"), rs.getLong("repositories_scanned"),
            rs.getLong("blobs_scanned"), rs.getLong("blobs_deleted"), rs.getLong("bytes_freed"),
            rs.getLong("manifests_deleted"), rs.getString("error"), DbTime.read(rs, "started_at"),
            DbTime.read(rs, "finished_at"));

    private final JdbcClient jdbc;
    private final SqlPages pages;

    GcRuns(JdbcClient jdbc, SqlPages pages) {
        this.jdbc = jdbc;
        this.pages = pages;
    }

    long insert(boolean dryRun, String startedBy, String holder) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO gc_runs (state, dry_run, phase, started_by, holder, started_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(GcRun.RUNNING, dryRun, "mark", startedBy, holder, DbTime.toDb(DbTime.now())).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void progress(long id, Progress p) {
        jdbc.sql("UPDATE gc_runs SET phase = ?, repositories_scanned = ?, blobs_scanned = ?, blobs_deleted = ?, "
                        + "bytes_freed = ?, manifests_deleted = ? WHERE id = ?")
                .params(p.phase(), p.repositoriesScanned.get(), p.blobsScanned.get(), p.blobsDeleted.get(),
                        p.bytesFreed.get(), p.manifestsDeleted.get(), id).update();
    }

    void finish(long id, String state, String error) {
        jdbc.sql("UPDATE gc_runs SET state = ?, phase = ?, error = ?, finished_at = ? WHERE id = ?")
                .params(state, state, error == null ? null : truncate(error), DbTime.toDb(DbTime.now()), id).update();
    }

    /** Runs left "running" by an instance that died (called by the lease holder before it starts one). */
    int failAbandoned() {
        return jdbc.sql("UPDATE gc_runs SET state = ?, phase = ?, error = ?, finished_at = ? WHERE state = ?")
                .params(GcRun.FAILED, GcRun.FAILED, "the instance running it stopped", DbTime.toDb(DbTime.now()),
                        GcRun.RUNNING).update();
    }

    public Optional<GcRun> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM gc_runs WHERE id = ?").param(id).query(ROW).optional();
    }

    List<Long> runningIds() {
        return jdbc.sql("SELECT id FROM gc_runs WHERE state = ? ORDER BY id").param(GcRun.RUNNING).query(Long.class).list();
    }

    Optional<java.time.Instant> lastStart() {
        return jdbc.sql("SELECT started_at FROM gc_runs ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> DbTime.read(rs, "started_at")).optional();
    }

    public Page<GcRun> page(PageQuery query) {
        return pages.read(COLUMNS, "FROM gc_runs", List.of(), SORTS, query, ROW);
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }
}
