-- SUSE/Portus 2.4.3 db/schema.rb (version 20181213101302) as Rails' mysql2 adapter creates it:
-- integer ids with AUTO_INCREMENT, string = VARCHAR(255), boolean = TINYINT(1), datetime = DATETIME.
CREATE TABLE activities (
  id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
  trackable_id INT(11), trackable_type VARCHAR(255), owner_id INT(11), owner_type VARCHAR(255),
  `key` VARCHAR(255), parameters TEXT, recipient_id INT(11), recipient_type VARCHAR(255),
  created_at DATETIME, updated_at DATETIME
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE INDEX index_activities_on_key ON activities (`key`);
CREATE INDEX index_activities_on_owner_id_and_owner_type ON activities (owner_id, owner_type);
CREATE INDEX index_activities_on_recipient_id_and_recipient_type ON activities (recipient_id, recipient_type);
CREATE INDEX index_activities_on_trackable_id_and_trackable_type ON activities (trackable_id, trackable_type);
CREATE INDEX index_activities_on_trackable_type ON activities (trackable_type);
CREATE TABLE application_tokens (
  id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
  application VARCHAR(255) NOT NULL, token_hash VARCHAR(255) NOT NULL, token_salt VARCHAR(255) NOT NULL,
  user_id INT(11) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE INDEX index_application_tokens_on_user_id ON application_tokens (user_id);
CREATE TABLE comments (
  id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
  body TEXT, repository_id INT(11), created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL, user_id INT(11)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE INDEX index_comments_on_repository_id ON comments (repository_id);
CREATE INDEX index_comments_on_user_id ON comments (user_id);
CREATE TABLE namespaces (
  id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(255), created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL, team_id INT(11),
  registry_id INT(11) NOT NULL, global TINYINT(1) DEFAULT 0, description TEXT, visibility INT(11)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE UNIQUE INDEX index_namespaces_on_name_and_registry_id ON namespaces (name, registry_id);
CREATE INDEX index_namespaces_on_registry_id ON namespaces (registry_id);
CREATE INDEX index_namespaces_on_team_id ON namespaces (team_id);
CREATE TABLE registries (
  id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(255) NOT NULL, hostname VARCHAR(255) NOT NULL, created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL, use_ssl TINYINT(1), external_hostname VARCHAR(255)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE UNIQUE INDEX index_registries_on_hostname ON registries (hostname);
CREATE UNIQUE INDEX index_registries_on_name ON registries (name);
CREATE TABLE registry_events (
  id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
  event_id VARCHAR(255) DEFAULT '', created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL,
  status INT(11) DEFAULT 0, data TEXT
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE TABLE repositories (
  id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(255) NOT NULL DEFAULT '', namespace_id INT(11), created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL, marked TINYINT(1) DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE UNIQUE INDEX index_repositories_on_name_and_namespace_id ON repositories (name, namespace_id);
CREATE INDEX index_repositories_on_namespace_id ON repositories (namespace_id);
CREATE TABLE scan_results (
  id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
  tag_id INT(11), vulnerability_id INT(11), created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE INDEX index_scan_results_on_vulnerability_id_and_tag_id ON scan_results (vulnerability_id, tag_id);
CREATE TABLE stars (
  id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id INT(11), repository_id INT(11), created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE INDEX index_stars_on_repository_id ON stars (repository_id);
CREATE INDEX index_stars_on_user_id ON stars (user_id);
CREATE TABLE tags (
  id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(255) NOT NULL DEFAULT 'latest', repository_id INT(11) NOT NULL, created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL, user_id INT(11), digest VARCHAR(255), image_id VARCHAR(255) DEFAULT '',
  marked TINYINT(1) DEFAULT 0, username VARCHAR(255), scanned INT(11) DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE INDEX index_tags_on_repository_id ON tags (repository_id);
CREATE INDEX index_tags_on_user_id ON tags (user_id);
CREATE TABLE team_users (
  id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id INT(11), team_id INT(11), created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL,
  role INT(11) DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE INDEX index_team_users_on_team_id ON team_users (team_id);
CREATE INDEX index_team_users_on_user_id ON team_users (user_id);
CREATE TABLE teams (
  id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(255), created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL, hidden TINYINT(1) DEFAULT 0,
  description TEXT
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE UNIQUE INDEX index_teams_on_name ON teams (name);
CREATE TABLE users (
  id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username VARCHAR(255) NOT NULL DEFAULT '', email VARCHAR(255) DEFAULT '',
  encrypted_password VARCHAR(255) NOT NULL DEFAULT '', reset_password_token VARCHAR(255),
  reset_password_sent_at DATETIME, remember_created_at DATETIME, sign_in_count INT(11) NOT NULL DEFAULT 0,
  current_sign_in_at DATETIME, last_sign_in_at DATETIME, current_sign_in_ip VARCHAR(255),
  last_sign_in_ip VARCHAR(255), created_at DATETIME, updated_at DATETIME, admin TINYINT(1) DEFAULT 0,
  enabled TINYINT(1) DEFAULT 1, ldap_name VARCHAR(255), failed_attempts INT(11) DEFAULT 0, locked_at DATETIME,
  namespace_id INT(11), display_name VARCHAR(255), provider VARCHAR(255), uid VARCHAR(255),
  bot TINYINT(1) DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE UNIQUE INDEX index_users_on_display_name ON users (display_name);
CREATE UNIQUE INDEX index_users_on_email ON users (email);
CREATE INDEX index_users_on_namespace_id ON users (namespace_id);
CREATE UNIQUE INDEX index_users_on_reset_password_token ON users (reset_password_token);
CREATE UNIQUE INDEX index_users_on_username ON users (username);
CREATE TABLE vulnerabilities (
  id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(255) NOT NULL, scanner VARCHAR(255) NOT NULL DEFAULT '', severity VARCHAR(255) NOT NULL DEFAULT '',
  link VARCHAR(255) NOT NULL DEFAULT '', fixed_by VARCHAR(255) NOT NULL DEFAULT '', metadata TEXT,
  created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL, description TEXT
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE UNIQUE INDEX index_vulnerabilities_on_name ON vulnerabilities (name);
CREATE TABLE webhook_deliveries (
  id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
  webhook_id INT(11), uuid VARCHAR(255), status INT(11), request_header TEXT, request_body TEXT,
  response_header TEXT, response_body TEXT, created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE UNIQUE INDEX index_webhook_deliveries_on_webhook_id_and_uuid ON webhook_deliveries (webhook_id, uuid);
CREATE INDEX index_webhook_deliveries_on_webhook_id ON webhook_deliveries (webhook_id);
CREATE TABLE webhook_headers (
  id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
  webhook_id INT(11), name VARCHAR(255), value VARCHAR(255), created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE UNIQUE INDEX index_webhook_headers_on_webhook_id_and_name ON webhook_headers (webhook_id, name);
CREATE INDEX index_webhook_headers_on_webhook_id ON webhook_headers (webhook_id);
CREATE TABLE webhooks (
  id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY,
  namespace_id INT(11), url VARCHAR(255), username VARCHAR(255), password VARCHAR(255), request_method INT(11),
  content_type INT(11), enabled TINYINT(1) DEFAULT 0, created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL,
  name VARCHAR(255) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
CREATE INDEX index_webhooks_on_namespace_id ON webhooks (namespace_id);
ALTER TABLE comments ADD CONSTRAINT fk_rails_comments_repositories FOREIGN KEY (repository_id) REFERENCES repositories (id);
ALTER TABLE stars ADD CONSTRAINT fk_rails_stars_repositories FOREIGN KEY (repository_id) REFERENCES repositories (id);
ALTER TABLE stars ADD CONSTRAINT fk_rails_stars_users FOREIGN KEY (user_id) REFERENCES users (id);
ALTER TABLE users ADD CONSTRAINT fk_rails_users_namespaces FOREIGN KEY (namespace_id) REFERENCES namespaces (id);
ALTER TABLE webhook_deliveries ADD CONSTRAINT fk_rails_deliveries_webhooks FOREIGN KEY (webhook_id) REFERENCES webhooks (id);
ALTER TABLE webhook_headers ADD CONSTRAINT fk_rails_headers_webhooks FOREIGN KEY (webhook_id) REFERENCES webhooks (id);
ALTER TABLE webhooks ADD CONSTRAINT fk_rails_webhooks_namespaces FOREIGN KEY (namespace_id) REFERENCES namespaces (id);
