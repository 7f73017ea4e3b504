-- LDAP group sync (issue #9): ldap_team_members are the memberships the sync added (an LDAP group named
-- like the team lists the person), so that only those are removed when the person leaves the group and
-- members added by hand are never touched. ldap_team_checks: teams whose sync was switched off by
-- POST /api/v1/teams/:id/ldap_check (Portus's teams.ldap_group_checked = disabled).
CREATE TABLE ldap_team_members (
    team_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    created_at ${timestamp} NOT NULL,
    CONSTRAINT pk_ldap_team_members PRIMARY KEY (team_id, user_id),
    CONSTRAINT fk_ldap_team_members_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE,
    CONSTRAINT fk_ldap_team_members_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_ldap_team_members_user ON ldap_team_members (user_id);

CREATE TABLE ldap_team_checks (
    team_id BIGINT NOT NULL,
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT pk_ldap_team_checks PRIMARY KEY (team_id),
    CONSTRAINT fk_ldap_team_checks_team FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE
)${table_options};
