-- Portus's per-namespace webhooks. password and header values are encrypted (AES-GCM, key derived
-- from PORTUS_SECRET_KEY_BASE). request_method: GET 0, POST 1; content_type: application/json 0,
-- application/x-www-form-urlencoded 1 (Portus's enums). Every delivery is stored with request and
-- response; pending deliveries (status NULL) are sent by a background worker with retries.
CREATE TABLE webhooks (
    id ${id},
    namespace_id BIGINT NOT NULL,
    name VARCHAR(255) NOT NULL,
    url VARCHAR(2000) NOT NULL,
    request_method SMALLINT NOT NULL DEFAULT 1,
    content_type SMALLINT NOT NULL DEFAULT 0,
    username VARCHAR(255),
    password_enc VARCHAR(2000),
    enabled BOOLEAN NOT NULL DEFAULT FALSE,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT fk_webhooks_namespace FOREIGN KEY (namespace_id) REFERENCES namespaces (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_webhooks_namespace ON webhooks (namespace_id);

CREATE TABLE webhook_headers (
    id ${id},
    webhook_id BIGINT NOT NULL,
    name VARCHAR(255) NOT NULL,
    value_enc VARCHAR(4000) NOT NULL,
    created_at ${timestamp} NOT NULL,
    CONSTRAINT uk_webhook_headers_name UNIQUE (webhook_id, name),
    CONSTRAINT fk_webhook_headers_webhook FOREIGN KEY (webhook_id) REFERENCES webhooks (id) ON DELETE CASCADE
)${table_options};

CREATE TABLE webhook_deliveries (
    id ${id},
    webhook_id BIGINT NOT NULL,
    uuid VARCHAR(64) NOT NULL,
    status INTEGER,
    request_header ${text},
    request_body ${text},
    response_header ${text},
    response_body ${text},
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at ${timestamp},
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT uk_webhook_deliveries_uuid UNIQUE (webhook_id, uuid),
    CONSTRAINT fk_webhook_deliveries_webhook FOREIGN KEY (webhook_id) REFERENCES webhooks (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_webhook_deliveries_pending ON webhook_deliveries (next_attempt_at);
