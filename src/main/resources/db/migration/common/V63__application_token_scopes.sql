-- Robot tokens that can be trusted in CI (issue #9): an optional expiry and scope per application token,
-- and when and from where it was last used (written at most once a minute per token).
-- scopes is NULL for "everything the user may do" (Portus), else the compact form of TokenScope:
-- space-separated "target:actions" rules, target "ns" or "ns/repo", actions among pull,push,delete.
ALTER TABLE application_tokens ADD COLUMN expires_at ${timestamp};
ALTER TABLE application_tokens ADD COLUMN scopes VARCHAR(4000);
ALTER TABLE application_tokens ADD COLUMN last_used_at ${timestamp};
ALTER TABLE application_tokens ADD COLUMN last_used_ip VARCHAR(64);
-- Refresh tokens (docker identity tokens) issued from an application token keep its scope and die with it.
ALTER TABLE refresh_tokens ADD COLUMN application_token_id BIGINT;
ALTER TABLE refresh_tokens ADD CONSTRAINT fk_refresh_tokens_application_token FOREIGN KEY (application_token_id)
    REFERENCES application_tokens (id) ON DELETE CASCADE;
