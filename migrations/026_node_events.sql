-- Several nodes on one PostgreSQL: a live event too large for one notice (PostgreSQL takes
-- under 8000 bytes) is kept here, in the transaction of the write that caused it, and the
-- notice carries its id; the other nodes read it when they hear the notice. The node that
-- keeps one deletes those older than a minute: every node has read them by then.
CREATE TABLE node_events (
    id {{id}},
    topic TEXT NOT NULL,
    message TEXT NOT NULL,
    kept_at TEXT NOT NULL
);
CREATE INDEX node_events_kept_at ON node_events (kept_at);
