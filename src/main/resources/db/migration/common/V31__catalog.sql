-- The catalog: repositories (per namespace; name without the namespace part) and their tags.
-- A tag keeps its author's name so it stays readable after the user is deleted. For an image index
-- or manifest list, tag_platforms holds one row per child manifest (os/architecture/variant/size).
CREATE TABLE repositories (
    id ${id},
    namespace_id BIGINT NOT NULL,
    name VARCHAR(255) NOT NULL,
    description VARCHAR(4000),
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT uk_repositories_namespace_name UNIQUE (namespace_id, name),
    CONSTRAINT fk_repositories_namespace FOREIGN KEY (namespace_id) REFERENCES namespaces (id) ON DELETE CASCADE
)${table_options};

CREATE TABLE tags (
    id ${id},
    repository_id BIGINT NOT NULL,
    name VARCHAR(128) NOT NULL,
    digest VARCHAR(160) NOT NULL,
    media_type VARCHAR(255),
    artifact_type VARCHAR(255),
    image_id VARCHAR(160),
    size BIGINT NOT NULL DEFAULT 0,
    user_id BIGINT,
    username VARCHAR(255),
    pushed_at ${timestamp} NOT NULL,
    pulled_at ${timestamp},
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT uk_tags_repository_name UNIQUE (repository_id, name),
    CONSTRAINT fk_tags_repository FOREIGN KEY (repository_id) REFERENCES repositories (id) ON DELETE CASCADE,
    CONSTRAINT fk_tags_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
)${table_options};

CREATE INDEX ix_tags_repository_digest ON tags (repository_id, digest);

CREATE TABLE tag_platforms (
    id ${id},
    tag_id BIGINT NOT NULL,
    digest VARCHAR(160) NOT NULL,
    media_type VARCHAR(255),
    os VARCHAR(64),
    architecture VARCHAR(64),
    variant VARCHAR(64),
    size BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_tag_platforms_tag FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_tag_platforms_tag ON tag_platforms (tag_id);
