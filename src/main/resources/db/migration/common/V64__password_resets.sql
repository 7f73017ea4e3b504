-- Password reset links (issue #9, Devise recoverable): only the SHA-256 (hex) of the 256-bit random token
-- of the link is stored. A link works once (used_at) and until expires_at (6 hours); a new request of a
-- user ends the links asked for before. Rows also record when the last reset mail of a user went out, for
-- the per-account throttle: the row written for an account that signs in through LDAP/OpenID Connect
-- (which gets a "use your provider" mail, never a link) is born used. Times in UTC, written by the
-- application; rows older than a day are deleted.
CREATE TABLE password_resets (
    id ${id},
    user_id BIGINT NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    created_at ${timestamp} NOT NULL,
    expires_at ${timestamp} NOT NULL,
    used_at ${timestamp},
    CONSTRAINT uk_password_resets_hash UNIQUE (token_hash),
    CONSTRAINT fk_password_resets_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_password_resets_user ON password_resets (user_id, created_at);
