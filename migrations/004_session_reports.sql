-- The report of a session that took place: the gender report card and the substance.
-- A proposal with status 'held' (or 'imported' from a published page) is a session held.
CREATE TABLE session_reports (
    proposal_id BIGINT PRIMARY KEY REFERENCES proposals(id) ON DELETE CASCADE,
    women_present TEXT NOT NULL,
    gender_discussed TEXT NOT NULL,
    reported_by TEXT NOT NULL,
    summary TEXT NOT NULL,
    conclusions TEXT NOT NULL,
    filed_at TEXT NOT NULL
);
