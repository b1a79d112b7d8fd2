-- Reminders about session reports (src/core/reports/reminders.hpp): one row per reminder
-- queued in the outbox, for a session, a part (short or full report), a stage (soon: before
-- the deadline; late: after it) and an address. The unique key is the claim: the reminder
-- run inserts the row and queues the message in the same transaction, so a run repeated,
-- or run by several nodes at once, never sends a reminder twice. Times are UTC ("...Z").
CREATE TABLE report_reminders (
    id {{id}},
    edition_id BIGINT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    session_id BIGINT NOT NULL REFERENCES programme_sessions(id) ON DELETE CASCADE,
    part TEXT NOT NULL CHECK (part IN ('short', 'full')),
    stage TEXT NOT NULL CHECK (stage IN ('soon', 'late')),
    email TEXT NOT NULL,
    due TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    UNIQUE (session_id, part, stage, email)
);
CREATE INDEX report_reminders_edition ON report_reminders (edition_id);
