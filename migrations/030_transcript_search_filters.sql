-- PostgreSQL answers a filtered search from its index too, as SQLite does since migration
-- 028: the facts of each turn (search_facets, weight A) and its speaker's words
-- (search_speaker, weight B) become a second tsvector, indexed with the turn's words in one
-- GIN index over both columns, so "these words, by this speaker, in this room, in June
-- 2025" is one index scan whose posting lists are intersected, instead of joining every
-- matching turn to its transcript and speaker (seconds for a common word over 10,000
-- transcripts).
-- On both engines, the first and last dates of the transcripts (what a date filter is cut
-- to) come from an index instead of reading every transcript.
CREATE INDEX transcripts_held_on ON transcripts (held_on);
{{postgresql}}
ALTER TABLE transcript_turns ADD COLUMN search_filter_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, COALESCE(search_facets, '')), 'A') ||
    setweight(to_tsvector('simple'::regconfig, COALESCE(search_speaker, '')), 'B')
) STORED;
DROP INDEX transcript_search;
CREATE INDEX transcript_search ON transcript_turns
    USING gin (search_vector, search_filter_vector);
-- The turns' long values are compressed with LZ4 instead of pglz: a search reads each
-- matching turn's vector back, and pglz took a tenth of an import's time writing them. A
-- server built without LZ4 keeps pglz.
DO $$
BEGIN
    ALTER TABLE transcript_turns
        ALTER COLUMN text SET COMPRESSION lz4,
        ALTER COLUMN search_text SET COMPRESSION lz4,
        ALTER COLUMN search_vector SET COMPRESSION lz4,
        ALTER COLUMN search_filter_vector SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    NULL;
END $$;
{{/postgresql}}
