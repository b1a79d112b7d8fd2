-- Transcripts: the captioners' text of a session or meeting of an edition, imported from
-- a file in the forum's format or made from a live room's captions when the room closes
-- (one per caption language). Each has its turns (the label as written, the text, times
-- when captions carried them), its stage directions where they stood, and its distinct
-- speakers (labels sharing a key are one speaker). A label is linked to a person once, by
-- its key, for every transcript (speaker_links); a role that differs by session
-- (MODERATOR) or a speaker known from the speaking queue is linked in the transcript
-- itself (transcript_speakers.person_id, account_id). Turns have their own integer id,
-- so a full-text index (SQLite FTS5 with external content, a PostgreSQL tsvector) can
-- point at them. A file is known by the hash of its bytes, so importing it twice finds
-- the first. Times are UTC ("...Z").
CREATE TABLE transcripts (
    id {{id}},
    edition_id BIGINT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    session_id BIGINT REFERENCES programme_sessions(id) ON DELETE SET NULL,
    live_room_id BIGINT REFERENCES live_rooms(id) ON DELETE SET NULL,
    source TEXT NOT NULL CHECK (source IN ('file', 'captions')),
    language TEXT NOT NULL DEFAULT 'en',
    title TEXT NOT NULL DEFAULT '',
    title_line TEXT NOT NULL DEFAULT '',
    event TEXT NOT NULL DEFAULT '',
    day TEXT NOT NULL DEFAULT '',
    held_on TEXT NOT NULL DEFAULT '',
    room TEXT NOT NULL DEFAULT '',
    disclaimer TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL DEFAULT '',
    content_hash TEXT UNIQUE,
    file_bytes BIGINT NOT NULL DEFAULT 0,
    encoding TEXT NOT NULL DEFAULT 'utf-8',
    turn_count INTEGER NOT NULL DEFAULT 0,
    word_count INTEGER NOT NULL DEFAULT 0,
    -- What the reader could not place: {"unread": [...], "unread_total", "bad_bytes": [...],
    -- "bad_bytes_total"}, as core/transcripts reads them.
    problems TEXT NOT NULL DEFAULT '{}',
    added_by BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    added_at TEXT NOT NULL
);
CREATE INDEX transcripts_edition ON transcripts (edition_id);
-- One transcript per live room and caption language, made again when the room closes again.
CREATE UNIQUE INDEX transcripts_captions ON transcripts (live_room_id, language)
    WHERE source = 'captions';
CREATE INDEX transcripts_session ON transcripts (session_id);

CREATE TABLE transcript_speakers (
    id {{id}},
    transcript_id BIGINT NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    label_key TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    person_id BIGINT REFERENCES people(id) ON DELETE SET NULL,
    account_id BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    queue_person TEXT NOT NULL DEFAULT '',
    linked_by TEXT NOT NULL DEFAULT '' CHECK (linked_by IN ('', 'queue', 'secretariat')),
    turns INTEGER NOT NULL DEFAULT 0,
    words INTEGER NOT NULL DEFAULT 0,
    seconds INTEGER NOT NULL DEFAULT 0,
    UNIQUE (transcript_id, label_key)
);
CREATE INDEX transcript_speakers_key ON transcript_speakers (label_key);
CREATE INDEX transcript_speakers_person ON transcript_speakers (person_id);

-- A label's person in every transcript (not for roles: their person differs by session).
CREATE TABLE speaker_links (
    label_key TEXT PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    linked_by BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    linked_at TEXT NOT NULL
);
CREATE INDEX speaker_links_person ON speaker_links (person_id);

CREATE TABLE transcript_turns (
    id {{id}},
    transcript_id BIGINT NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    speaker_id BIGINT REFERENCES transcript_speakers(id) ON DELETE CASCADE,
    label TEXT,
    text TEXT NOT NULL,
    words INTEGER NOT NULL DEFAULT 0,
    started_at TEXT,
    ended_at TEXT,
    UNIQUE (transcript_id, position)
);
CREATE INDEX transcript_turns_speaker ON transcript_turns (speaker_id);

CREATE TABLE transcript_directions (
    transcript_id BIGINT NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    turn_position INTEGER,
    paragraph INTEGER NOT NULL DEFAULT 0,
    within_text INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    PRIMARY KEY (transcript_id, position)
);
