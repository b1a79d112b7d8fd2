-- One MAG member's evaluation of one proposal: scores, standard reasons, comment and
-- "should merge with", kept as the JSON of core/evaluation.hpp. A draft until the
-- member submits it; edited after submitting until the round closes; the version
-- guards against two browser tabs saving over each other unseen.
CREATE TABLE evaluations (
    proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    content TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    submitted_at TEXT,
    PRIMARY KEY (proposal_id, account_id)
);
CREATE INDEX evaluations_account ON evaluations (account_id);
