-- Forms posted after the sign-in or the form's token expired: kept under a one-time
-- token (its hash here) until their author signs in again and gets the form back.
CREATE TABLE kept_forms (
    id {{id}},
    token_hash TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    body TEXT NOT NULL,
    account_id BIGINT REFERENCES accounts(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
