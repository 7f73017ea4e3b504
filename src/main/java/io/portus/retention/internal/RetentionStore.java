package io.portus.retention.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.portus.common.DbTime;
import io.portus.retention.RetentionPolicy;
import io.portus.retention.RetentionRule;
import io.portus.retention.RuleKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code retention_policies} and {@code retention_rules} tables. */
@Repository
public class RetentionStore {

    private record Head(long namespaceId, boolean enabled, Integer intervalHours, Instant lastRunAt) {
    }

    private final JdbcClient jdbc;

    RetentionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RetentionPolicy> find(long namespaceId) {
        return jdbc.sql("SELECT namespace_id, enabled, interval_hours, last_run_at FROM retention_policies WHERE namespace_id = ?")
                .param(namespaceId)
                .query((rs, i) -> new Head(rs.getLong("namespace_id"), rs.getBoolean("enabled"),
                        rs.getObject("interval_hours", Integer.class), DbTime.read(rs, "last_run_at")))
                .optional()
                .map(h -> new RetentionPolicy(h.namespaceId(), h.enabled(), h.intervalHours(), rules(namespaceId), h.lastRunAt()));
    }

    /** Replaces the policy and its rules (the time of the last run stays). */
    @Transactional
    public void save(long namespaceId, boolean enabled, Integer intervalHours, List<RetentionRule> rules) {
        Instant now = DbTime.now();
        int updated = jdbc.sql("UPDATE retention_policies SET enabled = ?, interval_hours = ?, updated_at = ? WHERE namespace_id = ?")
                .params(enabled, intervalHours, DbTime.toDb(now), namespaceId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO retention_policies (namespace_id, enabled, interval_hours, updated_at) VALUES (?, ?, ?, ?)")
                    .params(namespaceId, enabled, intervalHours, DbTime.toDb(now)).update();
        }
        jdbc.sql("DELETE FROM retention_rules WHERE namespace_id = ?").param(namespaceId).update();
        for (int i = 0; i < rules.size(); i++) {
            RetentionRule r = rules.get(i);
            jdbc.sql("INSERT INTO retention_rules (namespace_id, rule_index, tag_pattern, kind, amount) VALUES (?, ?, ?, ?, ?)")
                    .params(namespaceId, i, r.pattern(), r.kind().apiName(), r.amount()).update();
        }
    }

    public void ran(long namespaceId, Instant at) {
        jdbc.sql("UPDATE retention_policies SET last_run_at = ? WHERE namespace_id = ?")
                .params(DbTime.toDb(at), namespaceId).update();
    }

    /**
     * Enabled policies with rules whose interval ({@code defaultHours} when they have none) has passed since their
     * last run at {@code now}; compared here, not in SQL, so the three databases need no date arithmetic.
     */
    public List<Long> due(Instant now, long defaultSeconds) {
        return jdbc.sql("SELECT p.namespace_id, p.interval_hours, p.last_run_at FROM retention_policies p WHERE p.enabled = ? "
                        + "AND EXISTS (SELECT 1 FROM retention_rules r WHERE r.namespace_id = p.namespace_id) ORDER BY p.namespace_id")
                .param(true)
                .query((rs, i) -> {
                    Integer hours = rs.getObject("interval_hours", Integer.class);
                    Instant last = DbTime.read(rs, "last_run_at");
                    long seconds = hours == null ? defaultSeconds : hours * 3600L;
                    return last == null || !last.plusSeconds(seconds).isAfter(now) ? rs.getLong("namespace_id") : null;
                })
                .list().stream().filter(Objects::nonNull).toList();
    }

    private List<RetentionRule> rules(long namespaceId) {
        return jdbc.sql("SELECT tag_pattern, kind, amount FROM retention_rules WHERE namespace_id = ? ORDER BY rule_index")
                .param(namespaceId)
                .query((rs, i) -> new RetentionRule(rs.getString("tag_pattern"),
                        RuleKind.parse(rs.getString("kind")).orElseThrow(), rs.getInt("amount")))
                .list();
    }
}
