-- The messages of the year: per edition and theme, the MAG and the Secretariat draft
-- messages (a title and a Markdown body whose paragraphs can be commented on), each
-- citing the sessions it draws on (a session and, optionally, a quoted key message), marked
-- converging or diverging (a diverging one holds positions with the stakeholder groups that
-- held them). Every save is a version with its author; a save over a version someone else
-- replaced is kept as a version of its own (kind 'stale'), so both survive. The edition's
-- round holds the public comment period (UTC) and the publication. Comments are signed
-- with a name, stakeholder group and region, stored verbatim, hidden (never deleted) by the
-- Secretariat with a reason, and marked by the MAG with how each was handled.
-- Times are UTC ("...Z").
CREATE TABLE message_rounds (
    edition_id BIGINT PRIMARY KEY REFERENCES editions(id) ON DELETE CASCADE,
    comments_open_at TEXT,
    comments_close_at TEXT,
    published_at TEXT,
    published_by BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    refused_comments INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE year_messages (
    id {{id}},
    edition_id BIGINT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    theme_id BIGINT NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    stance TEXT NOT NULL CHECK (stance IN ('converging', 'diverging')),
    -- [{"text", "groups": [code]}]
    positions TEXT NOT NULL DEFAULT '[]',
    version INTEGER NOT NULL DEFAULT 1,
    created_by BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_by BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX year_messages_edition ON year_messages (edition_id, theme_id);

-- The sessions a message draws on, in the order given: (session, optional quoted text).
CREATE TABLE message_citations (
    message_id BIGINT NOT NULL REFERENCES year_messages(id) ON DELETE CASCADE,
    session_id BIGINT NOT NULL REFERENCES programme_sessions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    quote TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (message_id, session_id)
);
CREATE INDEX message_citations_session ON message_citations (session_id);

-- Every save of a message as it was saved: kind 'saved' (it became version `version`) or
-- 'stale' (typed over version `based_on` after someone else had replaced it; kept aside).
CREATE TABLE message_versions (
    id {{id}},
    message_id BIGINT NOT NULL REFERENCES year_messages(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    based_on INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('saved', 'stale')),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    stance TEXT NOT NULL,
    positions TEXT NOT NULL DEFAULT '[]',
    -- [{"session", "quote"}]
    citations TEXT NOT NULL DEFAULT '[]',
    author_id BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    saved_at TEXT NOT NULL
);
CREATE INDEX message_versions_message ON message_versions (message_id, id);

CREATE TABLE message_comments (
    id {{id}},
    message_id BIGINT NOT NULL REFERENCES year_messages(id) ON DELETE CASCADE,
    paragraph INTEGER NOT NULL,
    -- The paragraph as the commenter read it (drafts change after the comment).
    paragraph_text TEXT NOT NULL,
    message_version INTEGER NOT NULL,
    name TEXT NOT NULL,
    stakeholder_group TEXT NOT NULL,
    region TEXT NOT NULL,
    body TEXT NOT NULL,
    account_id BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    hidden_at TEXT,
    hidden_by BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    hidden_reason TEXT NOT NULL DEFAULT '',
    handling TEXT NOT NULL DEFAULT ''
        CHECK (handling IN ('', 'accepted', 'partly', 'not_accepted')),
    handling_note TEXT NOT NULL DEFAULT '',
    handled_by BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    handled_at TEXT
);
CREATE INDEX message_comments_message ON message_comments (message_id, paragraph);
