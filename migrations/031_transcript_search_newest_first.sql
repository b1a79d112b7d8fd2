-- SQLite's full-text index keeps each word's turns in rowid order and reads them fastest
-- forwards; a search wants the newest turns first. Reading "newest first" backwards took
-- twice as long for a phrase or a filtered search (the date filter's dozens of tokens
-- each read backwards) as the same walk forwards. So a turn is indexed under the negation
-- of its id: ascending rowids are the newest turns first.
-- New turns would then always come before every turn indexed, and FTS5 writes what it holds
-- to disk whenever a rowid lower than the last comes: one segment per turn. So no trigger
-- indexes an inserted turn: store/transcripts writes the new turns of a transcript, or of a
-- bulk import's transaction, in one statement, newest first (store::index_new_turns). The
-- table keeps no copy of the text (content ''): the turns are read from transcript_turns.
-- A turn is in transcript_search exactly when its search_text and search_facets are both
-- written (migration 028); a change to an indexed turn is indexed again by its trigger.
{{sqlite}}
DROP TRIGGER transcript_search_insert;
DROP TRIGGER transcript_search_delete;
DROP TRIGGER transcript_search_update;
DROP TABLE transcript_search;
CREATE VIRTUAL TABLE transcript_search USING fts5(
    search_text,
    search_speaker,
    search_facets,
    content = '',
    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
);
INSERT INTO transcript_search (rowid, search_text, search_speaker, search_facets)
SELECT -id, search_text, search_speaker, search_facets FROM transcript_turns
WHERE search_text IS NOT NULL AND search_facets IS NOT NULL
ORDER BY id DESC;
INSERT INTO transcript_search (transcript_search) VALUES ('optimize');
CREATE TRIGGER transcript_search_delete AFTER DELETE ON transcript_turns
WHEN old.search_text IS NOT NULL AND old.search_facets IS NOT NULL BEGIN
    INSERT INTO transcript_search (transcript_search, rowid, search_text, search_speaker,
                                   search_facets)
    VALUES ('delete', -old.id, old.search_text, old.search_speaker, old.search_facets);
END;
CREATE TRIGGER transcript_search_update
AFTER UPDATE OF search_text, search_speaker, search_facets ON transcript_turns
WHEN old.search_text IS NOT NULL AND old.search_facets IS NOT NULL BEGIN
    INSERT INTO transcript_search (transcript_search, rowid, search_text, search_speaker,
                                   search_facets)
    VALUES ('delete', -old.id, old.search_text, old.search_speaker, old.search_facets);
    INSERT INTO transcript_search (rowid, search_text, search_speaker, search_facets)
    SELECT -new.id, new.search_text, new.search_speaker, new.search_facets
    WHERE new.search_text IS NOT NULL AND new.search_facets IS NOT NULL;
END;
{{/sqlite}}
