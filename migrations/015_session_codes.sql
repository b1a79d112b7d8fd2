-- A session's code names it in links, "after" lists and the public programme's addresses,
-- all read without regard to case: "ws1" and "WS1" cannot be two sessions of one edition.
CREATE UNIQUE INDEX programme_sessions_code_any_case ON programme_sessions (edition_id, lower(code));
