-- Online garbage collection (io.portus.gc, docs/garbage-collection.md).
-- gc_runs: one row per collection (manual or scheduled), its state, progress and results.
CREATE TABLE gc_runs (
    id ${id},
    state VARCHAR(16) NOT NULL,
    dry_run BOOLEAN NOT NULL,
    phase VARCHAR(32) NOT NULL,
    started_by VARCHAR(255),
    holder VARCHAR(64) NOT NULL,
    repositories_scanned BIGINT NOT NULL DEFAULT 0,
    blobs_scanned BIGINT NOT NULL DEFAULT 0,
    blobs_deleted BIGINT NOT NULL DEFAULT 0,
    bytes_freed BIGINT NOT NULL DEFAULT 0,
    manifests_deleted BIGINT NOT NULL DEFAULT 0,
    error VARCHAR(1000),
    started_at ${timestamp} NOT NULL,
    finished_at ${timestamp}
)${table_options};

CREATE INDEX ix_gc_runs_state ON gc_runs (state);

-- "Someone is about to rely on this digest": written (database time) by the registry before it answers a
-- blob HEAD/GET, mount, upload commit, manifest PUT (each reference and the manifest itself) or tag PUT.
CREATE TABLE blob_touches (
    digest VARCHAR(150) NOT NULL PRIMARY KEY,
    touched_at ${timestamp} NOT NULL
)${table_options};

CREATE INDEX ix_blob_touches_at ON blob_touches (touched_at);

-- "The collector is deleting this digest": inserted before the collector's last check and deleted when it
-- is done; the registry waits while a row of a digest it is about to rely on exists.
CREATE TABLE gc_deletions (
    digest VARCHAR(150) NOT NULL PRIMARY KEY,
    run_id BIGINT NOT NULL,
    started_at ${timestamp} NOT NULL
)${table_options};
