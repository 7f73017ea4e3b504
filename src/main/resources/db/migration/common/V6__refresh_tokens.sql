-- Refresh tokens of the OAuth2 form of /v2/token: bound to one user, one service and the user's
-- credentials_stamp at issue time (a password change or disable revokes them). Stored as SHA-256 hex.
CREATE TABLE refresh_tokens (
    id ${id},
    token_hash VARCHAR(64) NOT NULL,
    user_id BIGINT NOT NULL,
    service VARCHAR(255) NOT NULL,
    credentials_stamp VARCHAR(64) NOT NULL,
    created_at ${timestamp} NOT NULL,
    expires_at ${timestamp} NOT NULL,
    CONSTRAINT uk_refresh_tokens_hash UNIQUE (token_hash),
    CONSTRAINT fk_refresh_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_refresh_tokens_user ON refresh_tokens (user_id);
