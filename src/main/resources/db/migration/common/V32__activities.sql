-- The audit trail (Portus's public_activity): one row per change, with the names of everything it
-- refers to so the feed stays readable after deletes. activity_key is Portus's key (repository.push,
-- namespace.create, team.add_member ...); namespace_id/team_id scope who may see the row.
CREATE TABLE activities (
    id ${id},
    activity_key VARCHAR(64) NOT NULL,
    owner_id BIGINT,
    owner_name VARCHAR(255),
    trackable_type VARCHAR(32) NOT NULL,
    trackable_id BIGINT,
    trackable_name VARCHAR(512),
    recipient_type VARCHAR(32),
    recipient_id BIGINT,
    recipient_name VARCHAR(512),
    namespace_id BIGINT,
    team_id BIGINT,
    parameters ${text},
    created_at ${timestamp} NOT NULL
)${table_options};

CREATE INDEX ix_activities_key ON activities (activity_key);
CREATE INDEX ix_activities_owner ON activities (owner_id);
CREATE INDEX ix_activities_namespace ON activities (namespace_id);
CREATE INDEX ix_activities_created ON activities (created_at);

CREATE TABLE stars (
    id ${id},
    user_id BIGINT NOT NULL,
    repository_id BIGINT NOT NULL,
    created_at ${timestamp} NOT NULL,
    CONSTRAINT uk_stars_user_repository UNIQUE (user_id, repository_id),
    CONSTRAINT fk_stars_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_stars_repository FOREIGN KEY (repository_id) REFERENCES repositories (id) ON DELETE CASCADE
)${table_options};

CREATE TABLE comments (
    id ${id},
    repository_id BIGINT NOT NULL,
    user_id BIGINT,
    username VARCHAR(255),
    body ${text} NOT NULL,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT fk_comments_repository FOREIGN KEY (repository_id) REFERENCES repositories (id) ON DELETE CASCADE,
    CONSTRAINT fk_comments_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
)${table_options};

CREATE INDEX ix_comments_repository ON comments (repository_id);
