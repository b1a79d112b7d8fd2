-- The Secretariat blocks an account (it can no longer sign in or act) and unblocks it,
-- each with a reason. Every block is kept with who blocked it, when and why, and once
-- lifted who unblocked it, when and why. An account is blocked while it has a block not
-- lifted; the partial index allows one such block per account, so two Secretariat
-- members blocking the same account at once make one block.
CREATE TABLE account_blocks (
    id {{id}},
    account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    blocked_by BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    blocked_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    unblocked_by BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    unblocked_at TEXT,
    unblock_reason TEXT
);
CREATE INDEX account_blocks_account ON account_blocks (account_id);
CREATE UNIQUE INDEX account_blocks_in_force ON account_blocks (account_id)
    WHERE unblocked_at IS NULL;
