-- The call for proposals of each edition, proposals as their organisers write them
-- (versions for optimistic concurrency, every revision kept), co-organisers,
-- speakers' answers to their invitations, and the mail outbox.
ALTER TABLE editions ADD COLUMN call_settings TEXT NOT NULL DEFAULT '{}';

ALTER TABLE proposals ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE proposals ADD COLUMN created_by BIGINT REFERENCES accounts(id) ON DELETE SET NULL;
ALTER TABLE proposals ADD COLUMN creation_key TEXT;
ALTER TABLE proposals ADD COLUMN updated_at TEXT;
CREATE UNIQUE INDEX proposals_creation_key ON proposals (created_by, creation_key);

-- Accounts that may edit a proposal: the proposer and the co-organisers who accepted.
CREATE TABLE proposal_editors (
    proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (proposal_id, account_id)
);
CREATE INDEX proposal_editors_account ON proposal_editors (account_id);

CREATE TABLE co_organiser_invitations (
    id {{id}},
    proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    invited_by BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    accepted_by BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    accepted_at TEXT
);

CREATE TABLE proposal_revisions (
    proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    saved_at TEXT NOT NULL,
    account_id BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    content TEXT NOT NULL,
    PRIMARY KEY (proposal_id, version)
);

-- One invitation per person named on a proposal; the answer overrides what the
-- organisers declared.
CREATE TABLE speaker_invitations (
    id {{id}},
    proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    sent_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    response TEXT,
    responded_at TEXT,
    UNIQUE (proposal_id, person_id)
);

-- Mail is written here in the transaction that causes it and sent by the outbox
-- sender, which retries with backoff; dedupe_key makes every message idempotent.
CREATE TABLE outbox (
    id {{id}},
    created_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    dedupe_key TEXT NOT NULL UNIQUE,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    claimed_until TEXT,
    last_error TEXT NOT NULL DEFAULT '',
    sent_at TEXT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
