-- Immutable tags and quotas per namespace (io.portus.rules, issue #11).
-- namespace_rules: one row per namespace (created here for existing ones, lazily for new ones); it is also the
-- row a manifest push locks (SELECT ... FOR UPDATE) to check and reserve quota atomically, and holds the usage.
CREATE TABLE namespace_rules (
    namespace_id BIGINT NOT NULL PRIMARY KEY,
    immutable_tags BOOLEAN NOT NULL DEFAULT FALSE,
    immutable_tags_pattern VARCHAR(255),
    quota_bytes BIGINT,
    used_bytes BIGINT NOT NULL DEFAULT 0,
    updated_at ${timestamp},
    CONSTRAINT fk_namespace_rules_namespace FOREIGN KEY (namespace_id) REFERENCES namespaces (id) ON DELETE CASCADE
)${table_options};

INSERT INTO namespace_rules (namespace_id, immutable_tags, used_bytes) SELECT id, FALSE, 0 FROM namespaces;

-- What the usage is made of: one row per (manifest present in a repository of the namespace, content it
-- counts: the manifest's own bytes, its config and layers). A digest counts once per namespace however many
-- rows name it. Digests and repository names are case-sensitive (utf8mb4_bin on MariaDB).
CREATE TABLE namespace_usage (
    id ${id},
    namespace_id BIGINT NOT NULL,
    repository VARCHAR(255) NOT NULL,
    manifest VARCHAR(160) NOT NULL,
    content_digest VARCHAR(160) NOT NULL,
    content_size BIGINT NOT NULL,
    created_at ${timestamp} NOT NULL,
    CONSTRAINT fk_namespace_usage_namespace FOREIGN KEY (namespace_id) REFERENCES namespaces (id) ON DELETE CASCADE
)${table_options};

CREATE UNIQUE INDEX ux_namespace_usage ON namespace_usage (namespace_id, repository, manifest, content_digest);
CREATE INDEX ix_namespace_usage_blob ON namespace_usage (namespace_id, content_digest);

-- Pushes to a new tag that a rule makes immutable, claimed under the namespace row lock before the tag is
-- written: a second push of another digest to the same new tag in the meantime is refused. A claim older
-- than a minute is only history (the tag is in storage by then) and is replaced by the next claim.
CREATE TABLE immutable_tag_claims (
    namespace_id BIGINT NOT NULL,
    repository VARCHAR(255) NOT NULL,
    tag VARCHAR(128) NOT NULL,
    manifest VARCHAR(160) NOT NULL,
    created_at ${timestamp} NOT NULL,
    CONSTRAINT pk_immutable_tag_claims PRIMARY KEY (namespace_id, repository, tag),
    CONSTRAINT fk_immutable_tag_claims_namespace FOREIGN KEY (namespace_id) REFERENCES namespaces (id) ON DELETE CASCADE
)${table_options};
