-- Participants' feedback on a session once it has ended: a rating from 1 to 5, an optional
-- comment (kept verbatim) and an optional stakeholder group. A signed-in participant has
-- one rating per session (account_id), changed in place; somebody not signed in has one per
-- browser (browser_key, the hash of a cookie of its own), changed in place too. The partial
-- unique indexes hold that, so two sends at once make one rating. No address is stored.
CREATE TABLE session_feedback (
    id {{id}},
    session_id BIGINT NOT NULL REFERENCES programme_sessions(id) ON DELETE CASCADE,
    account_id BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    browser_key TEXT,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment TEXT NOT NULL DEFAULT '',
    stakeholder_group TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX session_feedback_account ON session_feedback (session_id, account_id)
    WHERE account_id IS NOT NULL;
CREATE UNIQUE INDEX session_feedback_browser ON session_feedback (session_id, browser_key)
    WHERE browser_key IS NOT NULL;
