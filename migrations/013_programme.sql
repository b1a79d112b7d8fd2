-- The programme: the sessions to place (every accepted proposal, and the sessions the
-- Secretariat creates), their people and "after" links; people's unavailable times and
-- time zones; the draft timetable the Secretariat edits and the published one the public
-- sees, with every published version; changes to a published session awaiting its
-- organisers' consent, and the single-use links that carry it; participants' "I plan to
-- attend" marks and their calendar feeds. Times are venue-local "YYYY-MM-DDTHH:MM"
-- where they place a session, UTC ("...Z") where they record when something happened.
ALTER TABLE editions ADD COLUMN programme_settings TEXT NOT NULL DEFAULT '{}';
ALTER TABLE people ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';

CREATE TABLE programme_sessions (
    id {{id}},
    edition_id BIGINT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    proposal_id BIGINT UNIQUE REFERENCES proposals(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    session_type TEXT NOT NULL,
    theme_id BIGINT REFERENCES themes(id) ON DELETE SET NULL,
    tags TEXT NOT NULL DEFAULT '[]',
    description TEXT NOT NULL DEFAULT '',
    duration INTEGER NOT NULL,
    needs TEXT NOT NULL DEFAULT '',
    demand INTEGER NOT NULL DEFAULT 0,
    fixed_room_id BIGINT REFERENCES rooms(id) ON DELETE SET NULL,
    fixed_start TEXT,
    cancelled_at TEXT,
    sequence INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (edition_id, code)
);

CREATE TABLE session_after (
    session_id BIGINT NOT NULL REFERENCES programme_sessions(id) ON DELETE CASCADE,
    after_id BIGINT NOT NULL REFERENCES programme_sessions(id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, after_id)
);

-- People of sessions the Secretariat creates (a proposal's come from proposal_people).
CREATE TABLE session_people (
    session_id BIGINT NOT NULL REFERENCES programme_sessions(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    PRIMARY KEY (session_id, person_id, role)
);
CREATE INDEX session_people_person ON session_people (person_id);

CREATE TABLE unavailability (
    id {{id}},
    edition_id BIGINT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL
);
CREATE INDEX unavailability_edition ON unavailability (edition_id);

-- The Secretariat's working timetable; version guards two editors moving one session.
CREATE TABLE placements (
    session_id BIGINT PRIMARY KEY REFERENCES programme_sessions(id) ON DELETE CASCADE,
    room_id BIGINT NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
    starts_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    placed_at TEXT NOT NULL
);

-- What the public programme shows: changed only by publishing, or by an organiser's
-- consent to a change (or the Secretariat imposing it, with a reason).
CREATE TABLE published_placements (
    session_id BIGINT PRIMARY KEY REFERENCES programme_sessions(id) ON DELETE CASCADE,
    room_id BIGINT NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
    starts_at TEXT NOT NULL
);

-- Every published version: content is [{"session": id, "code", "room": id, "start"}].
CREATE TABLE timetable_versions (
    id {{id}},
    edition_id BIGINT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    published_at TEXT NOT NULL,
    account_id BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    note TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL,
    UNIQUE (edition_id, number)
);

-- A change to a published session: pending until its organisers accept or decline,
-- or the Secretariat imposes it with a reason they see.
CREATE TABLE placement_changes (
    id {{id}},
    edition_id BIGINT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    session_id BIGINT NOT NULL REFERENCES programme_sessions(id) ON DELETE CASCADE,
    from_room_id BIGINT REFERENCES rooms(id) ON DELETE SET NULL,
    from_start TEXT,
    to_room_id BIGINT REFERENCES rooms(id) ON DELETE SET NULL,
    to_start TEXT,
    status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    decided_at TEXT,
    decided_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX placement_changes_session ON placement_changes (session_id, status);

-- The mailed links that accept or decline a change: one per organiser, single use,
-- expiring; only the token's hash is kept.
CREATE TABLE consent_links (
    id {{id}},
    change_id BIGINT NOT NULL REFERENCES placement_changes(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TEXT NOT NULL,
    used_at TEXT
);

CREATE TABLE attendance_marks (
    account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    session_id BIGINT NOT NULL REFERENCES programme_sessions(id) ON DELETE CASCADE,
    marked_at TEXT NOT NULL,
    PRIMARY KEY (account_id, session_id)
);
CREATE INDEX attendance_marks_session ON attendance_marks (session_id);

-- A participant's secret calendar address (the token's hash only).
CREATE TABLE calendar_feeds (
    account_id BIGINT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
