-- Password reset links: single use, bound to one account, expiring; only the token's
-- hash is kept, as for e-mail confirmations.
CREATE TABLE password_resets (
    id {{id}},
    account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX password_resets_account ON password_resets (account_id);
