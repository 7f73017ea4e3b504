-- SUSE/Portus 2.4.3 db/schema.rb (version 20181213101302) as Rails' postgresql adapter creates it:
-- serial ids, string = character varying(255), boolean, datetime = timestamp without time zone, text.
CREATE TABLE activities (
  id SERIAL PRIMARY KEY,
  trackable_id INTEGER, trackable_type VARCHAR(255), owner_id INTEGER, owner_type VARCHAR(255),
  "key" VARCHAR(255), parameters TEXT, recipient_id INTEGER, recipient_type VARCHAR(255),
  created_at TIMESTAMP, updated_at TIMESTAMP
);
CREATE INDEX index_activities_on_key ON activities ("key");
CREATE INDEX index_activities_on_owner_id_and_owner_type ON activities (owner_id, owner_type);
CREATE INDEX index_activities_on_recipient_id_and_recipient_type ON activities (recipient_id, recipient_type);
CREATE INDEX index_activities_on_trackable_id_and_trackable_type ON activities (trackable_id, trackable_type);
CREATE INDEX index_activities_on_trackable_type ON activities (trackable_type);
CREATE TABLE application_tokens (
  id SERIAL PRIMARY KEY,
  application VARCHAR(255) NOT NULL, token_hash VARCHAR(255) NOT NULL, token_salt VARCHAR(255) NOT NULL,
  user_id INTEGER NOT NULL
);
CREATE INDEX index_application_tokens_on_user_id ON application_tokens (user_id);
CREATE TABLE comments (
  id SERIAL PRIMARY KEY,
  body TEXT, repository_id INTEGER, created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL, user_id INTEGER
);
CREATE INDEX index_comments_on_repository_id ON comments (repository_id);
CREATE INDEX index_comments_on_user_id ON comments (user_id);
CREATE TABLE namespaces (
  id SERIAL PRIMARY KEY,
  name VARCHAR(255), created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL, team_id INTEGER,
  registry_id INTEGER NOT NULL, global BOOLEAN DEFAULT FALSE, description TEXT, visibility INTEGER
);
CREATE UNIQUE INDEX index_namespaces_on_name_and_registry_id ON namespaces (name, registry_id);
CREATE INDEX index_namespaces_on_registry_id ON namespaces (registry_id);
CREATE INDEX index_namespaces_on_team_id ON namespaces (team_id);
CREATE TABLE registries (
  id SERIAL PRIMARY KEY,
  name VARCHAR(255) NOT NULL, hostname VARCHAR(255) NOT NULL, created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL, use_ssl BOOLEAN, external_hostname VARCHAR(255)
);
CREATE UNIQUE INDEX index_registries_on_hostname ON registries (hostname);
CREATE UNIQUE INDEX index_registries_on_name ON registries (name);
CREATE TABLE registry_events (
  id SERIAL PRIMARY KEY,
  event_id VARCHAR(255) DEFAULT '', created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL,
  status INTEGER DEFAULT 0, data TEXT
);
CREATE TABLE repositories (
  id SERIAL PRIMARY KEY,
  name VARCHAR(255) NOT NULL DEFAULT '', namespace_id INTEGER, created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL, marked BOOLEAN DEFAULT FALSE
);
CREATE UNIQUE INDEX index_repositories_on_name_and_namespace_id ON repositories (name, namespace_id);
CREATE INDEX index_repositories_on_namespace_id ON repositories (namespace_id);
CREATE TABLE scan_results (
  id SERIAL PRIMARY KEY,
  tag_id INTEGER, vulnerability_id INTEGER, created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL
);
CREATE INDEX index_scan_results_on_vulnerability_id_and_tag_id ON scan_results (vulnerability_id, tag_id);
CREATE TABLE stars (
  id SERIAL PRIMARY KEY,
  user_id INTEGER, repository_id INTEGER, created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL
);
CREATE INDEX index_stars_on_repository_id ON stars (repository_id);
CREATE INDEX index_stars_on_user_id ON stars (user_id);
CREATE TABLE tags (
  id SERIAL PRIMARY KEY,
  name VARCHAR(255) NOT NULL DEFAULT 'latest', repository_id INTEGER NOT NULL, created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL, user_id INTEGER, digest VARCHAR(255), image_id VARCHAR(255) DEFAULT '',
  marked BOOLEAN DEFAULT FALSE, username VARCHAR(255), scanned INTEGER DEFAULT 0
);
CREATE INDEX index_tags_on_repository_id ON tags (repository_id);
CREATE INDEX index_tags_on_user_id ON tags (user_id);
CREATE TABLE team_users (
  id SERIAL PRIMARY KEY,
  user_id INTEGER, team_id INTEGER, created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL,
  role INTEGER DEFAULT 0
);
CREATE INDEX index_team_users_on_team_id ON team_users (team_id);
CREATE INDEX index_team_users_on_user_id ON team_users (user_id);
CREATE TABLE teams (
  id SERIAL PRIMARY KEY,
  name VARCHAR(255), created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL, hidden BOOLEAN DEFAULT FALSE,
  description TEXT
);
CREATE UNIQUE INDEX index_teams_on_name ON teams (name);
CREATE TABLE users (
  id SERIAL PRIMARY KEY,
  username VARCHAR(255) NOT NULL DEFAULT '', email VARCHAR(255) DEFAULT '',
  encrypted_password VARCHAR(255) NOT NULL DEFAULT '', reset_password_token VARCHAR(255),
  reset_password_sent_at TIMESTAMP, remember_created_at TIMESTAMP, sign_in_count INTEGER NOT NULL DEFAULT 0,
  current_sign_in_at TIMESTAMP, last_sign_in_at TIMESTAMP, current_sign_in_ip VARCHAR(255),
  last_sign_in_ip VARCHAR(255), created_at TIMESTAMP, updated_at TIMESTAMP, admin BOOLEAN DEFAULT FALSE,
  enabled BOOLEAN DEFAULT TRUE, ldap_name VARCHAR(255), failed_attempts INTEGER DEFAULT 0, locked_at TIMESTAMP,
  namespace_id INTEGER, display_name VARCHAR(255), provider VARCHAR(255), uid VARCHAR(255),
  bot BOOLEAN DEFAULT FALSE
);
CREATE UNIQUE INDEX index_users_on_display_name ON users (display_name);
CREATE UNIQUE INDEX index_users_on_email ON users (email);
CREATE INDEX index_users_on_namespace_id ON users (namespace_id);
CREATE UNIQUE INDEX index_users_on_reset_password_token ON users (reset_password_token);
CREATE UNIQUE INDEX index_users_on_username ON users (username);
CREATE TABLE vulnerabilities (
  id SERIAL PRIMARY KEY,
  name VARCHAR(255) NOT NULL, scanner VARCHAR(255) NOT NULL DEFAULT '', severity VARCHAR(255) NOT NULL DEFAULT '',
  link VARCHAR(255) NOT NULL DEFAULT '', fixed_by VARCHAR(255) NOT NULL DEFAULT '', metadata TEXT,
  created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL, description TEXT
);
CREATE UNIQUE INDEX index_vulnerabilities_on_name ON vulnerabilities (name);
CREATE TABLE webhook_deliveries (
  id SERIAL PRIMARY KEY,
  webhook_id INTEGER, uuid VARCHAR(255), status INTEGER, request_header TEXT, request_body TEXT,
  response_header TEXT, response_body TEXT, created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX index_webhook_deliveries_on_webhook_id_and_uuid ON webhook_deliveries (webhook_id, uuid);
CREATE INDEX index_webhook_deliveries_on_webhook_id ON webhook_deliveries (webhook_id);
CREATE TABLE webhook_headers (
  id SERIAL PRIMARY KEY,
  webhook_id INTEGER, name VARCHAR(255), value VARCHAR(255), created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX index_webhook_headers_on_webhook_id_and_name ON webhook_headers (webhook_id, name);
CREATE INDEX index_webhook_headers_on_webhook_id ON webhook_headers (webhook_id);
CREATE TABLE webhooks (
  id SERIAL PRIMARY KEY,
  namespace_id INTEGER, url VARCHAR(255), username VARCHAR(255), password VARCHAR(255), request_method INTEGER,
  content_type INTEGER, enabled BOOLEAN DEFAULT FALSE, created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL,
  name VARCHAR(255) NOT NULL
);
CREATE INDEX index_webhooks_on_namespace_id ON webhooks (namespace_id);
ALTER TABLE comments ADD CONSTRAINT fk_rails_comments_repositories FOREIGN KEY (repository_id) REFERENCES repositories (id);
ALTER TABLE stars ADD CONSTRAINT fk_rails_stars_repositories FOREIGN KEY (repository_id) REFERENCES repositories (id);
ALTER TABLE stars ADD CONSTRAINT fk_rails_stars_users FOREIGN KEY (user_id) REFERENCES users (id);
ALTER TABLE users ADD CONSTRAINT fk_rails_users_namespaces FOREIGN KEY (namespace_id) REFERENCES namespaces (id);
ALTER TABLE webhook_deliveries ADD CONSTRAINT fk_rails_deliveries_webhooks FOREIGN KEY (webhook_id) REFERENCES webhooks (id);
ALTER TABLE webhook_headers ADD CONSTRAINT fk_rails_headers_webhooks FOREIGN KEY (webhook_id) REFERENCES webhooks (id);
ALTER TABLE webhooks ADD CONSTRAINT fk_rails_webhooks_namespaces FOREIGN KEY (namespace_id) REFERENCES namespaces (id);
