-- Registry notification events, stored durably before they are applied (issue #4): from external
-- registries through POST /v2/webhooks/events and from the built-in registry in-process.
-- status: done 0, pending 2 (Portus's "fresh"), ignored 3 (verified as not applicable), failed 4
-- (gave up after retries). De-duplicated by the event's own id.
CREATE TABLE registry_events (
    id ${id},
    event_id VARCHAR(128) NOT NULL,
    registry_id BIGINT,
    action VARCHAR(16) NOT NULL,
    repository VARCHAR(255),
    data ${text} NOT NULL,
    status SMALLINT NOT NULL DEFAULT 2,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at ${timestamp} NOT NULL,
    last_error VARCHAR(1000),
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT uk_registry_events_event_id UNIQUE (event_id)
)${table_options};

CREATE INDEX ix_registry_events_status ON registry_events (status, next_attempt_at, id);

-- Leases: which instance runs a background job (event processing, sync, outgoing deliveries) when
-- several share the database. A lease is taken or renewed only when free, expired or already held.
CREATE TABLE job_leases (
    name VARCHAR(190) NOT NULL PRIMARY KEY,
    holder VARCHAR(64) NOT NULL,
    expires_at ${timestamp} NOT NULL
)${table_options};
