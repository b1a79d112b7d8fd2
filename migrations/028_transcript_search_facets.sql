-- What a filtered search looks for, indexed beside each turn's words so that SQLite's
-- full text answers "these words, said by this speaker, in this room, in June 2025" by
-- itself instead of reading every matching turn's transcript and speaker (a third of a
-- second for a common word over 10,000 transcripts). search_speaker holds the words of the
-- turn's speaker label, normalised as search_text is; search_facets holds one token per
-- fact (core/transcripts/search_facets.hpp): edition, transcript, speaker, label, room and
-- date. Both are written with the turn; turns stored before this migration get theirs at
-- startup (the partial index finds them), and only then enter the index: a turn is in
-- transcript_search exactly when its search_text and search_facets are both written.
-- PostgreSQL keeps filtering by its own joins.
ALTER TABLE transcript_turns ADD COLUMN search_speaker TEXT;
ALTER TABLE transcript_turns ADD COLUMN search_facets TEXT;
CREATE INDEX transcript_turns_unfaceted ON transcript_turns (id) WHERE search_facets IS NULL;
{{sqlite}}
DROP TRIGGER transcript_search_insert;
DROP TRIGGER transcript_search_delete;
DROP TRIGGER transcript_search_update;
DROP TABLE transcript_search;
CREATE VIRTUAL TABLE transcript_search USING fts5(
    search_text,
    search_speaker,
    search_facets,
    content = 'transcript_turns',
    content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
);
CREATE TRIGGER transcript_search_insert AFTER INSERT ON transcript_turns
WHEN new.search_text IS NOT NULL AND new.search_facets IS NOT NULL BEGIN
    INSERT INTO transcript_search (rowid, search_text, search_speaker, search_facets)
    VALUES (new.id, new.search_text, new.search_speaker, new.search_facets);
END;
CREATE TRIGGER transcript_search_delete AFTER DELETE ON transcript_turns
WHEN old.search_text IS NOT NULL AND old.search_facets IS NOT NULL BEGIN
    INSERT INTO transcript_search (transcript_search, rowid, search_text, search_speaker,
                                   search_facets)
    VALUES ('delete', old.id, old.search_text, old.search_speaker, old.search_facets);
END;
CREATE TRIGGER transcript_search_update
AFTER UPDATE OF search_text, search_speaker, search_facets ON transcript_turns BEGIN
    INSERT INTO transcript_search (transcript_search, rowid, search_text, search_speaker,
                                   search_facets)
    SELECT 'delete', old.id, old.search_text, old.search_speaker, old.search_facets
    WHERE old.search_text IS NOT NULL AND old.search_facets IS NOT NULL;
    INSERT INTO transcript_search (rowid, search_text, search_speaker, search_facets)
    SELECT new.id, new.search_text, new.search_speaker, new.search_facets
    WHERE new.search_text IS NOT NULL AND new.search_facets IS NOT NULL;
END;
{{/sqlite}}
