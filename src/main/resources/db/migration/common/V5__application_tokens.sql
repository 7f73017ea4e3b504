-- Application tokens: random 256-bit secrets usable as the docker password and in the Portus-Auth
-- header. Only the SHA-256 (hex) of the token is stored; the plain token is shown once.
CREATE TABLE application_tokens (
    id ${id},
    user_id BIGINT NOT NULL,
    application VARCHAR(255) NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    created_at ${timestamp} NOT NULL,
    CONSTRAINT uk_application_tokens_hash UNIQUE (token_hash),
    CONSTRAINT uk_application_tokens_user_application UNIQUE (user_id, application),
    CONSTRAINT fk_application_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
)${table_options};
