package io.portus.importer.internal;

import io.portus.common.DbTime;
import io.portus.importer.TableSummary;
import io.portus.webhook.WebhookSecrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One import: the source, the target (this project's tables, written with plain SQL so that no domain event,
 * activity or webhook fires for history being copied), the map from each Portus id to the id it has here, and
 * the tallies of the tables done so far.
 */
final class Run {

    final Source source;
    final JdbcClient target;
    final WebhookSecrets secrets;
    final Instant now = DbTime.now();
    private final Map<String, Map<Long, Long>> ids = new HashMap<>();
    private final List<TableSummary> summaries = new ArrayList<>();

    Run(Source source, JdbcClient target, WebhookSecrets secrets) {
        this.source = source;
        this.target = target;
        this.secrets = secrets;
    }

    void map(String table, long sourceId, long targetId) {
        ids.computeIfAbsent(table, t -> new HashMap<>()).put(sourceId, targetId);
    }

    /** The id here of Portus's row {@code sourceId} of {@code table}, null when it was not imported. */
    Long mapped(String table, Long sourceId) {
        return sourceId == null ? null : ids.getOrDefault(table, Map.of()).get(sourceId);
    }

    /** When {@code existing} is present: Portus's row is already here, mapped onto it and counted as skipped. */
    boolean alreadyHere(Tally tally, String table, long sourceId, Optional<Long> existing) {
        existing.ifPresent(id -> {
            map(table, sourceId, id);
            tally.skipped();
        });
        return existing.isPresent();
    }

    long insert(String sql, Object... params) {
        KeyHolder keys = new GeneratedKeyHolder();
        target.sql(sql).params(params).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Long> find(String sql, Object... params) {
        return target.sql(sql).params(params).query(Long.class).optional();
    }

    Optional<String> text(String sql, Object... params) {
        return target.sql(sql).params(params).query(String.class).optional();
    }

    static LocalDateTime db(Instant instant) {
        return DbTime.toDb(instant);
    }

    void done(Tally tally) {
        summaries.add(tally.summary());
    }

    List<TableSummary> summaries() {
        return List.copyOf(summaries);
    }

    /** Cuts {@code value} to {@code max} characters (Portus's TEXT columns can be longer than ours). */
    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
