-- Users who sign in through an external identity provider (issue #9): provider is NULL for local
-- accounts (password in encrypted_password), else 'ldap', 'openid_connect', 'github', 'gitlab',
-- 'google_oauth2' or 'bitbucket' (Portus's omniauth names); external_uid is the provider's stable id
-- of the person (the LDAP entry's DN, the OIDC "sub", the GitHub user id). External users have no
-- local password (encrypted_password = '').
ALTER TABLE users ADD COLUMN provider VARCHAR(32);
ALTER TABLE users ADD COLUMN external_uid VARCHAR(255);
ALTER TABLE users ADD CONSTRAINT uk_users_provider_uid UNIQUE (provider, external_uid);
