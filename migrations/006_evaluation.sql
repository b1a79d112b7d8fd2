-- MAG evaluation: settings of the round, members' issue-area groups, declared
-- conflicts of interest, and the assignment of members to proposals.
ALTER TABLE editions ADD COLUMN evaluation_settings TEXT NOT NULL DEFAULT '{}';

CREATE TABLE member_groups (
    edition_id BIGINT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    group_name TEXT NOT NULL,
    PRIMARY KEY (edition_id, account_id, group_name)
);

CREATE TABLE conflicts (
    proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    declared_at TEXT NOT NULL,
    PRIMARY KEY (proposal_id, account_id)
);

CREATE TABLE assignments (
    proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    assigned_at TEXT NOT NULL,
    published INTEGER NOT NULL,
    PRIMARY KEY (proposal_id, account_id)
);
CREATE INDEX assignments_account ON assignments (account_id);
