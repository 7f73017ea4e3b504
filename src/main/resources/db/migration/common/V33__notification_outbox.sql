-- Outgoing registry notifications of the built-in registry (distribution's notifications.endpoints),
-- one queue per endpoint, delivered in id order; a row is deleted once delivered.
CREATE TABLE notification_outbox (
    id ${id},
    endpoint VARCHAR(190) NOT NULL,
    event_id VARCHAR(128) NOT NULL,
    data ${text} NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error VARCHAR(1000),
    created_at ${timestamp} NOT NULL
)${table_options};

CREATE INDEX ix_notification_outbox_endpoint ON notification_outbox (endpoint, id);
