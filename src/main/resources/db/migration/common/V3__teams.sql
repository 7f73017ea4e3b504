-- Teams and their members. Hidden teams: one personal team per user (personal_user_id) and one
-- global team per registry (owners = all admins). role: viewer 0, contributor 1, owner 2.
CREATE TABLE teams (
    id ${id},
    name VARCHAR(255) NOT NULL,
    description VARCHAR(4000),
    hidden BOOLEAN NOT NULL DEFAULT FALSE,
    personal_user_id BIGINT,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT uk_teams_name UNIQUE (name),
    CONSTRAINT uk_teams_personal_user UNIQUE (personal_user_id),
    CONSTRAINT fk_teams_personal_user FOREIGN KEY (personal_user_id) REFERENCES users (id) ON DELETE SET NULL
)${table_options};

CREATE TABLE team_users (
    id ${id},
    team_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    role SMALLINT NOT NULL DEFAULT 0,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT uk_team_users_team_user UNIQUE (team_id, user_id),
    CONSTRAINT fk_team_users_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE,
    CONSTRAINT fk_team_users_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_team_users_user ON team_users (user_id);
