-- Full-text search over every transcript's turns. Beside each turn, search_text holds its
-- words as core/transcripts/search_text.hpp normalises them (case-folded, accents and
-- harakat dropped, each Chinese, Japanese or Korean character a word of its own), written
-- in the same transaction as the turn; turns stored before this migration are filled in
-- at startup (the partial index finds them). Each engine indexes search_text with its
-- own full text, with no further folding, and a query's words are normalised the same
-- way, so both find the same turns: SQLite an FTS5 table over the turns (external
-- content, kept by triggers; unicode61 with marks as part of words), PostgreSQL a
-- 'simple' tsvector column with a GIN index.
ALTER TABLE transcript_turns ADD COLUMN search_text TEXT;
CREATE INDEX transcript_turns_unsearched ON transcript_turns (id) WHERE search_text IS NULL;
{{sqlite}}
CREATE VIRTUAL TABLE transcript_search USING fts5(
    search_text,
    content = 'transcript_turns',
    content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
);
CREATE TRIGGER transcript_search_insert AFTER INSERT ON transcript_turns
WHEN new.search_text IS NOT NULL BEGIN
    INSERT INTO transcript_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER transcript_search_delete AFTER DELETE ON transcript_turns
WHEN old.search_text IS NOT NULL BEGIN
    INSERT INTO transcript_search (transcript_search, rowid, search_text)
    VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER transcript_search_update AFTER UPDATE OF search_text ON transcript_turns BEGIN
    INSERT INTO transcript_search (transcript_search, rowid, search_text)
    SELECT 'delete', old.id, old.search_text WHERE old.search_text IS NOT NULL;
    INSERT INTO transcript_search (rowid, search_text)
    SELECT new.id, new.search_text WHERE new.search_text IS NOT NULL;
END;
{{/sqlite}}
{{postgresql}}
ALTER TABLE transcript_turns ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, COALESCE(search_text, ''))) STORED;
CREATE INDEX transcript_search ON transcript_turns USING gin (search_vector);
{{/postgresql}}
