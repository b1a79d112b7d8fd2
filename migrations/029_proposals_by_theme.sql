-- An evaluation form offers "should merge with" among the submitted proposals of the same
-- theme; without this index each form walked every proposal of the edition.
CREATE INDEX proposals_theme ON proposals (edition_id, theme_id, number);
