-- Users. encrypted_password is a Devise-compatible bcrypt hash ("" = no password, e.g. LDAP users).
-- credentials_stamp changes when the password changes or the user is disabled: refresh tokens and
-- cached verifications are bound to it. Lockout: failed_attempts / locked_until.
CREATE TABLE users (
    id ${id},
    username VARCHAR(255) NOT NULL,
    email VARCHAR(255),
    encrypted_password VARCHAR(255) NOT NULL DEFAULT '',
    admin BOOLEAN NOT NULL DEFAULT FALSE,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    bot BOOLEAN NOT NULL DEFAULT FALSE,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until ${timestamp},
    display_name VARCHAR(255),
    namespace_id BIGINT,
    credentials_stamp VARCHAR(64) NOT NULL,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT uk_users_username UNIQUE (username),
    CONSTRAINT uk_users_email UNIQUE (email)
)${table_options};
