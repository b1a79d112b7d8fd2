-- Remote participation: each session of the programme and each meeting has its online
-- link (to the meeting tool in use) and its online moderator (an account or a name),
-- published from a date the Secretariat sets per edition (UTC "...Z"; "" while unset).
-- Remote hubs: a hub organiser registers a hub for an edition and chooses the sessions
-- it follows; the hub's queue role in those sessions' live rooms comes from that choice.
ALTER TABLE editions ADD COLUMN online_links_from TEXT NOT NULL DEFAULT '';

CREATE TABLE online_links (
    id {{id}},
    edition_id BIGINT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    session_id BIGINT UNIQUE REFERENCES programme_sessions(id) ON DELETE CASCADE,
    room_id BIGINT UNIQUE REFERENCES live_rooms(id) ON DELETE CASCADE,
    url TEXT NOT NULL DEFAULT '',
    moderator_id BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    moderator_name TEXT NOT NULL DEFAULT '',
    CHECK ((session_id IS NULL) <> (room_id IS NULL))
);
CREATE INDEX online_links_edition ON online_links (edition_id);

CREATE TABLE hubs (
    id {{id}},
    edition_id BIGINT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    organiser_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    city TEXT NOT NULL,
    country TEXT NOT NULL,
    host TEXT NOT NULL,
    expected INTEGER NOT NULL CHECK (expected BETWEEN 1 AND 100000),
    contact_email TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX hubs_edition ON hubs (edition_id);
CREATE INDEX hubs_organiser ON hubs (organiser_id);

CREATE TABLE hub_sessions (
    hub_id BIGINT NOT NULL REFERENCES hubs(id) ON DELETE CASCADE,
    session_id BIGINT NOT NULL REFERENCES programme_sessions(id) ON DELETE CASCADE,
    PRIMARY KEY (hub_id, session_id)
);
CREATE INDEX hub_sessions_session ON hub_sessions (session_id);
