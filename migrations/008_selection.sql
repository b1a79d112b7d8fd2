-- Synthesis and selection: the Secretariat's slot plan, selection rules and message
-- texts (JSON), the last selection made with its explanation, the MAG's decision on
-- each proposal (versioned against two editors at once), and when the results were
-- published.
ALTER TABLE editions ADD COLUMN synthesis_settings TEXT NOT NULL DEFAULT '{}';
ALTER TABLE editions ADD COLUMN results_published_at TEXT;

CREATE TABLE selections (
    edition_id BIGINT PRIMARY KEY REFERENCES editions(id) ON DELETE CASCADE,
    content TEXT NOT NULL,
    made_at TEXT NOT NULL,
    account_id BIGINT REFERENCES accounts(id) ON DELETE SET NULL
);

CREATE TABLE decisions (
    proposal_id BIGINT PRIMARY KEY REFERENCES proposals(id) ON DELETE CASCADE,
    edition_id BIGINT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    content TEXT NOT NULL,
    version INTEGER NOT NULL,
    decided_at TEXT NOT NULL,
    account_id BIGINT REFERENCES accounts(id) ON DELETE SET NULL
);
CREATE INDEX decisions_edition ON decisions (edition_id);
