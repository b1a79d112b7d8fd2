-- Live rooms: a session of the timetable or a meeting (with its agenda), the people who
-- run it (chairs, online moderators, captioners) and its speaking queue. The queue is
-- one row's state (requests waiting, who speaks, every turn, the rule in force, the last
-- call), written whole after each action under the room's row lock, so two chairs acting
-- at once are served one after the other and a restart brings it back as it was. Times
-- are UTC ("...Z").
CREATE TABLE live_rooms (
    id {{id}},
    edition_id BIGINT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    session_id BIGINT REFERENCES programme_sessions(id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('session', 'meeting')),
    title TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    current_item INTEGER NOT NULL DEFAULT 0,
    queue TEXT NOT NULL DEFAULT '{}',
    version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX live_rooms_edition ON live_rooms (edition_id);

CREATE TABLE live_room_roles (
    room_id BIGINT NOT NULL REFERENCES live_rooms(id) ON DELETE CASCADE,
    account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('chair', 'co_chair', 'online_moderator', 'captioner')),
    PRIMARY KEY (room_id, account_id, role)
);
CREATE INDEX live_room_roles_account ON live_room_roles (account_id);

CREATE TABLE agenda_items (
    room_id BIGINT NOT NULL REFERENCES live_rooms(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    PRIMARY KEY (room_id, position)
);
