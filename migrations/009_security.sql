-- Security: e-mail addresses verified by link before an account submits or invites;
-- conflicts that say how they arose; named API tokens that expire and can be revoked;
-- enrolment of existing accounts as an invitation they accept; a generic record of
-- throttled actions (registrations, invitations, saves) per address or account.
ALTER TABLE accounts ADD COLUMN email_verified_at TEXT;
UPDATE accounts SET email_verified_at = created_at;

CREATE TABLE email_verifications (
    id {{id}},
    account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    password_hash TEXT NOT NULL DEFAULT ''
);

ALTER TABLE conflicts ADD COLUMN origin TEXT NOT NULL DEFAULT 'declared';

ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
ALTER TABLE api_tokens ADD COLUMN revoked_at TEXT;

CREATE TABLE enrolments (
    id {{id}},
    edition_id BIGINT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    person TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    invited_by BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    accepted_at TEXT
);
CREATE INDEX enrolments_edition ON enrolments (edition_id);

CREATE TABLE throttle_events (
    id {{id}},
    throttle_key TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX throttle_events_key ON throttle_events (throttle_key, at);

ALTER TABLE co_organiser_invitations ADD COLUMN withdrawn_at TEXT;
CREATE INDEX co_organiser_invitations_pending ON co_organiser_invitations (proposal_id, email);

-- Where an account signed in successfully before: a device (a cookie's hash) or an
-- address. The right password from one of them is not slowed by others' failures.
CREATE TABLE known_devices (
    account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    device_key TEXT NOT NULL,
    last_used_at TEXT NOT NULL,
    PRIMARY KEY (account_id, device_key)
);

-- One row per throttled key, locked while a request counts that key's attempts.
CREATE TABLE throttle_locks (
    throttle_key TEXT PRIMARY KEY,
    at TEXT NOT NULL
);
