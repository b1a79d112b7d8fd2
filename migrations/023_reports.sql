-- The forum's own session reports. Per edition the Secretariat sets the template of the
-- full report and the two deadlines (editions.report_settings, JSON; '{}' is the 2015
-- template with the short report due 12 hours and the full report 14 days after the
-- session's end). Per session one row holds the current short report (up to three key
-- messages) and full report (the template's fields, the speakers, the gender report
-- card), each with its own version number guarding two rapporteurs saving at once, and
-- when it was first filed and whether that was after its deadline (a late report is
-- taken and counted late). Every save is kept in session_report_versions (who, when,
-- what), a save over a newer version too (action 'conflict'), so both versions survive.
-- Times are UTC ("...Z").
ALTER TABLE editions ADD COLUMN report_settings TEXT NOT NULL DEFAULT '{}';

CREATE TABLE session_report_filings (
    session_id BIGINT PRIMARY KEY REFERENCES programme_sessions(id) ON DELETE CASCADE,
    edition_id BIGINT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    short_version INTEGER NOT NULL DEFAULT 0,
    short_content TEXT NOT NULL DEFAULT '{}',
    short_filed_at TEXT,
    short_late INTEGER NOT NULL DEFAULT 0,
    full_version INTEGER NOT NULL DEFAULT 0,
    full_content TEXT NOT NULL DEFAULT '{}',
    full_filed_at TEXT,
    full_late INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
CREATE INDEX session_report_filings_edition ON session_report_filings (edition_id);

CREATE TABLE session_report_versions (
    id {{id}},
    session_id BIGINT NOT NULL REFERENCES programme_sessions(id) ON DELETE CASCADE,
    part TEXT NOT NULL CHECK (part IN ('short', 'full')),
    number INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('draft', 'file', 'conflict')),
    content TEXT NOT NULL,
    account_id BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    author TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    late INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX session_report_versions_session ON session_report_versions (session_id, id);
