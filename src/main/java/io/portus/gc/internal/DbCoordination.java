package io.portus.gc.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.portus.common.DbClock;
import io.portus.common.DbTime;
import io.portus.storage.Digest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code blob_touches} and {@code gc_deletions}, both sides of the hand-shake. Every method is one or two
 * auto-committed statements (never called inside a transaction), times are the database's ({@link DbClock}).
 * Portable SQL: an upsert is an UPDATE, then an INSERT when no row was there (a lost race retries the UPDATE).
 */
final class DbCoordination implements Coordination {

    private final JdbcClient jdbc;
    private final DbClock clock;

    DbCoordination(JdbcClient jdbc, DbClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Instant now() {
        LocalDateTime now = jdbc.sql("SELECT " + clock.now()).query(LocalDateTime.class).single();
        return now.toInstant(ZoneOffset.UTC);
    }

    /** Registry side, step 1: "someone is about to rely on {@code digest}", at the database's time. */
    void touch(Digest digest) {
        String d = digest.toString();
        if (jdbc.sql("UPDATE blob_touches SET touched_at = " + clock.now() + " WHERE digest = ?").param(d).update() > 0) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO blob_touches (digest, touched_at) VALUES (?, " + clock.now() + ")").param(d).update();
        } catch (DataIntegrityViolationException raced) {
            jdbc.sql("UPDATE blob_touches SET touched_at = " + clock.now() + " WHERE digest = ?").param(d).update();
        }
    }

    /** Registry side, step 2: is a collector deleting {@code digest}? */
    boolean deletionPending(Digest digest) {
        return jdbc.sql("SELECT COUNT(*) FROM gc_deletions WHERE digest = ?").param(digest.toString())
                .query(Long.class).single() > 0;
    }

    @Override
    public Set<Digest> touchedSince(Instant cutoff) {
        Set<Digest> out = new HashSet<>();
        jdbc.sql("SELECT digest FROM blob_touches WHERE touched_at >= ?").param(DbTime.toDb(cutoff))
                .query((rs, n) -> rs.getString(1)).list().forEach(s -> {
                    if (Digest.isDigest(s)) {
                        out.add(Digest.parse(s));
                    }
                });
        return out;
    }

    @Override
    public boolean touchedSince(Digest digest, Instant cutoff) {
        return jdbc.sql("SELECT COUNT(*) FROM blob_touches WHERE digest = ? AND touched_at >= ?")
                .params(digest.toString(), DbTime.toDb(cutoff)).query(Long.class).single() > 0;
    }

    @Override
    public boolean beginDeletion(long runId, Digest digest) {
        try {
            return jdbc.sql("INSERT INTO gc_deletions (digest, run_id, started_at) VALUES (?, ?, " + clock.now() + ")")
                    .params(digest.toString(), runId).update() == 1;
        } catch (DataIntegrityViolationException exists) {
            return false;
        }
    }

    @Override
    public void endDeletion(Digest digest) {
        jdbc.sql("DELETE FROM gc_deletions WHERE digest = ?").param(digest.toString()).update();
    }

    @Override
    public Set<Digest> beginDeletions(long runId, Collection<Digest> digests) {
        if (digests.isEmpty()) {
            return Set.of();
        }
        StringBuilder sql = new StringBuilder("INSERT INTO gc_deletions (digest, run_id, started_at) VALUES ");
        List<Object> params = new ArrayList<>();
        for (Digest d : digests) {
            sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ").append(clock.now()).append(")");
            params.add(d.toString());
            params.add(runId);
        }
        try {
            jdbc.sql(sql.toString()).params(params).update();
            return new LinkedHashSet<>(digests);
        } catch (DataIntegrityViolationException someExist) {
            return Coordination.super.beginDeletions(runId, digests);
        }
    }

    @Override
    public Set<Digest> touchedAmong(Collection<Digest> digests, Instant cutoff) {
        if (digests.isEmpty()) {
            return Set.of();
        }
        Set<Digest> out = new HashSet<>();
        jdbc.sql("SELECT digest FROM blob_touches WHERE touched_at >= :cutoff AND digest IN (:digests)")
                .param("cutoff", DbTime.toDb(cutoff))
                .param("digests", digests.stream().map(Digest::toString).toList())
                .query((rs, n) -> rs.getString(1)).list().forEach(s -> out.add(Digest.parse(s)));
        return out;
    }

    @Override
    public void endDeletions(Collection<Digest> digests) {
        if (!digests.isEmpty()) {
            jdbc.sql("DELETE FROM gc_deletions WHERE digest IN (:digests)")
                    .param("digests", digests.stream().map(Digest::toString).toList()).update();
        }
    }

    /** Rows a crashed collector left (only called by the holder of the collection lease). */
    int clearDeletions() {
        return jdbc.sql("DELETE FROM gc_deletions").update();
    }

    /** Touches older than {@code cutoff} can keep nothing any more (every later run's cutoff is later). */
    int pruneTouches(Instant cutoff) {
        return jdbc.sql("DELETE FROM blob_touches WHERE touched_at < ?").param(DbTime.toDb(cutoff)).update();
    }
}
