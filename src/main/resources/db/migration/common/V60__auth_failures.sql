-- Failed authentications per client address (IPv4 address or IPv6 /64), for the brute-force throttle
-- (io.portus.auth.throttle): one row per failure, deleted once older than the one-minute window, so the
-- table holds about a minute of failures. Times in UTC, written by the application.
CREATE TABLE auth_failures (
    id ${id},
    address VARCHAR(64) NOT NULL,
    failed_at ${timestamp} NOT NULL
)${table_options};

CREATE INDEX ix_auth_failures_address ON auth_failures (address, failed_at);
CREATE INDEX ix_auth_failures_time ON auth_failures (failed_at);
