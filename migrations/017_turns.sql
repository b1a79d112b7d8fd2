-- Every finished turn of a speaking queue, one row each: who spoke (the queue's person
-- key, their account when they have one, their name, stakeholder group and gender as
-- given, '' when not stated), from where (onsite, online or a hub) and when (UTC,
-- "...Z"), in which room, session and agenda item. Written in the same transaction as
-- the queue change that ended the turn; the room's and the edition's figures, the
-- session's report and its transcript read them.
CREATE TABLE live_turns (
    id {{id}},
    room_id BIGINT NOT NULL REFERENCES live_rooms(id) ON DELETE CASCADE,
    edition_id BIGINT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    session_id BIGINT REFERENCES programme_sessions(id) ON DELETE SET NULL,
    agenda_item INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL,
    person TEXT NOT NULL,
    account_id BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    stakeholder_group TEXT NOT NULL DEFAULT '',
    gender TEXT NOT NULL DEFAULT '',
    speaking_from TEXT NOT NULL CHECK (speaking_from IN ('onsite', 'online', 'hub')),
    hub TEXT NOT NULL DEFAULT '',
    started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL,
    seconds INTEGER NOT NULL DEFAULT 0,
    UNIQUE (room_id, position)
);
CREATE INDEX live_turns_edition ON live_turns (edition_id);
