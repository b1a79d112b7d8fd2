-- Live captions of a room, one stream per language. Every chunk the captioner sends is
-- kept as sent (backspaces included) with its sequence number; a chunk that came early
-- waits (applied_at NULL) until the missing ones arrive. Each stream's row holds what has
-- been applied (the last sequence and the text, backspaces done) and is locked by every
-- chunk written to it, so two pushes of one sequence at once apply it once and a restart
-- brings back the held chunks and the text. Times are UTC ("...Z").
CREATE TABLE caption_streams (
    room_id BIGINT NOT NULL REFERENCES live_rooms(id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    applied BIGINT NOT NULL DEFAULT 0,
    text TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (room_id, language)
);

CREATE TABLE caption_chunks (
    room_id BIGINT NOT NULL REFERENCES live_rooms(id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    sequence BIGINT NOT NULL,
    text TEXT NOT NULL,
    received_at TEXT NOT NULL,
    sent_at TEXT,
    applied_at TEXT,
    UNIQUE (room_id, language, sequence)
);

-- The languages a room is captioned in, in the order shown ("en" when none is named).
CREATE TABLE caption_languages (
    room_id BIGINT NOT NULL REFERENCES live_rooms(id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (room_id, language)
);

-- Tokens for professional captioning (CART) software: bound to one room, only the hash
-- kept, expiring, revocable by the room's chair or the Secretariat.
CREATE TABLE captioner_tokens (
    id {{id}},
    room_id BIGINT NOT NULL REFERENCES live_rooms(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    created_by BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX captioner_tokens_room ON captioner_tokens (room_id);

-- A closed room's captions kept whole, turn by turn with times, for its transcript.
CREATE TABLE caption_turns (
    room_id BIGINT NOT NULL REFERENCES live_rooms(id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    position INTEGER NOT NULL,
    speaker TEXT NOT NULL,
    text TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL,
    PRIMARY KEY (room_id, language, position)
);
