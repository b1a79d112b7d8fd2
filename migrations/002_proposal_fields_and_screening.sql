-- The rest of the workshop form, each edition's screening rules, and screening results.
ALTER TABLE proposals ADD COLUMN policy_questions TEXT NOT NULL DEFAULT '[]';
ALTER TABLE proposals ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
ALTER TABLE proposals ADD COLUMN sdgs TEXT NOT NULL DEFAULT '[]';
ALTER TABLE proposals ADD COLUMN agenda TEXT NOT NULL DEFAULT '';
ALTER TABLE proposals ADD COLUMN expected_outcomes TEXT NOT NULL DEFAULT '';
ALTER TABLE proposals ADD COLUMN online_participation TEXT NOT NULL DEFAULT '';
ALTER TABLE proposals ADD COLUMN background_paper TEXT NOT NULL DEFAULT '';
ALTER TABLE proposals ADD COLUMN previous_report TEXT NOT NULL DEFAULT '';
ALTER TABLE proposals ADD COLUMN relevance TEXT NOT NULL DEFAULT '';

-- JSON: {"min_confirmed_speakers": 3, ...}; empty means the standard rules.
ALTER TABLE editions ADD COLUMN screening_rules TEXT NOT NULL DEFAULT '{}';

CREATE TABLE screening_results (
    proposal_id BIGINT PRIMARY KEY REFERENCES proposals(id) ON DELETE CASCADE,
    passed INTEGER NOT NULL,
    failures TEXT NOT NULL,
    screened_at TEXT NOT NULL
);
