-- Registries Portus issues tokens for: the built-in one (builtin = TRUE, registered at start-up) and
-- external CNCF distribution registries. hostname includes the port and is stored lower-case.
CREATE TABLE registries (
    id ${id},
    name VARCHAR(255) NOT NULL,
    hostname VARCHAR(255) NOT NULL,
    use_ssl BOOLEAN NOT NULL DEFAULT FALSE,
    external_hostname VARCHAR(255),
    builtin BOOLEAN NOT NULL DEFAULT FALSE,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT uk_registries_name UNIQUE (name),
    CONSTRAINT uk_registries_hostname UNIQUE (hostname)
)${table_options};

CREATE INDEX ix_registries_external_hostname ON registries (external_hostname);
