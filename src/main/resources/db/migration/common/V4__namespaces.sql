-- Namespaces: the first component of a repository name, per registry. Each registry has one global
-- namespace (global = TRUE, repositories without a "/"). visibility: private 0, protected 1, public 2.
CREATE TABLE namespaces (
    id ${id},
    name VARCHAR(255) NOT NULL,
    description VARCHAR(4000),
    team_id BIGINT NOT NULL,
    registry_id BIGINT NOT NULL,
    visibility SMALLINT NOT NULL DEFAULT 0,
    global BOOLEAN NOT NULL DEFAULT FALSE,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT uk_namespaces_registry_name UNIQUE (registry_id, name),
    CONSTRAINT fk_namespaces_team FOREIGN KEY (team_id) REFERENCES teams (id),
    CONSTRAINT fk_namespaces_registry FOREIGN KEY (registry_id) REFERENCES registries (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_namespaces_team ON namespaces (team_id);
CREATE INDEX ix_namespaces_name ON namespaces (name);

ALTER TABLE users ADD CONSTRAINT fk_users_namespace FOREIGN KEY (namespace_id) REFERENCES namespaces (id) ON DELETE SET NULL;
