-- The Secretariat's decision where it differs from the screening rules, with the reason.
-- Kept apart from screening_results so that running screening again keeps it.
CREATE TABLE screening_overrides (
    proposal_id BIGINT PRIMARY KEY REFERENCES proposals(id) ON DELETE CASCADE,
    passed INTEGER NOT NULL,
    justification TEXT NOT NULL,
    account_id BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    decided_at TEXT NOT NULL
);
