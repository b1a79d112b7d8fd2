-- The venue for the timetable: each room's features (codes, comma-separated), its
-- interpretation languages, the minutes it needs between sessions, a version for
-- concurrent edits, and the windows in which it is open (venue-local "YYYY-MM-DDTHH:MM").
ALTER TABLE rooms ADD COLUMN features TEXT NOT NULL DEFAULT '';
ALTER TABLE rooms ADD COLUMN languages TEXT NOT NULL DEFAULT '';
ALTER TABLE rooms ADD COLUMN turnover INTEGER NOT NULL DEFAULT 15;
ALTER TABLE rooms ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE room_windows (
    id {{id}},
    room_id BIGINT NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL
);
CREATE INDEX room_windows_room ON room_windows (room_id);
