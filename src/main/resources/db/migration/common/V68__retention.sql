-- Per-namespace retention rules (issue #11, io.portus.retention): a policy per namespace (whether its schedule
-- runs, its own interval in hours or NULL for portus.retention.interval, when it last ran) and its ordered rules
-- (a tag regular expression, a kind: latest_pushed / pulled_within_days / pushed_within_days / always, and N or
-- days). A tag is kept when any rule keeps it; the others go. Both go with their namespace.
CREATE TABLE retention_policies (
    namespace_id BIGINT NOT NULL,
    enabled BOOLEAN NOT NULL DEFAULT FALSE,
    interval_hours INTEGER,
    last_run_at ${timestamp},
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT pk_retention_policies PRIMARY KEY (namespace_id),
    CONSTRAINT fk_retention_policies_namespace FOREIGN KEY (namespace_id) REFERENCES namespaces (id) ON DELETE CASCADE
)${table_options};

CREATE TABLE retention_rules (
    id ${id},
    namespace_id BIGINT NOT NULL,
    rule_index INTEGER NOT NULL,
    tag_pattern VARCHAR(255) NOT NULL,
    kind VARCHAR(40) NOT NULL,
    amount INTEGER NOT NULL,
    CONSTRAINT fk_retention_rules_policy FOREIGN KEY (namespace_id) REFERENCES retention_policies (namespace_id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_retention_rules_namespace ON retention_rules (namespace_id, rule_index);
