#pragma once
// Searching every transcript's turns (migrations/022): each turn's words are kept
// normalised beside it (core/transcripts/search_text.hpp) and indexed by the engine's
// full text, SQLite FTS5 or a PostgreSQL tsvector; a query's typed terms become the
// engine's query (an FTS5 MATCH expression, or tsquery functions over bound words), never
// the text someone typed. Results come by relevance (BM25, ts_rank) among the newest
// 1,000 matching turns that pass the filters (all of them for rarer words), then the turn
// stored last first, with the transcript and speaker of each turn.
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"
#include "core/transcripts/search_query.hpp"
#include "core/transcripts/transcript.hpp"
#include "database/database.hpp"

namespace convene::store {

// Writes the search words of turns that have none (stored before migration 022), in
// batches; returns how many. Cheap when there are none (a partial index finds them).
std::size_t index_unsearched_turns(db::Connection& c);

// SQLite: the turns `which` names (an SQL condition on transcript_turns, with its
// parameters), none of them indexed yet, enter the full-text index in one statement, newest
// first (migration 031 indexes a turn under the negation of its id, so that the newest are
// read forwards; in any other order, FTS5 would write a segment to disk for each turn).
// Nothing on PostgreSQL, whose index follows each insert.
void index_new_turns(db::Connection& c, const std::string& which, std::vector<db::Value> params);

struct TranscriptSearch {
    transcripts::SearchQuery query;  // at least one clause
    std::optional<EditionId> edition;
    std::string session_type;        // of the transcript's session ("workshop")
    std::string room;                // the transcript's room, or its session's in the programme
    std::string speaker;             // words of the speaker's label or linked person's name
    std::optional<PersonId> person;  // the speaker's linked person
    std::string stakeholder_group;   // of the speaker's linked person
    std::string from, to;            // the transcript's date, "YYYY-MM-DD" (either may be "")
    std::size_t offset = 0, limit = 20;
};

struct FoundTurn {
    std::int64_t turn_id = 0;
    std::size_t position = 0;  // in its transcript, from 0 (its anchor is #turn-<position + 1>)
    std::optional<std::string> label;  // the speaker as written; none when unnamed
    std::string person_name;           // the linked person, "" when none
    std::string text;
    TranscriptId transcript;
    EditionId edition;
    std::string edition_name, title, held_on, room, session_code, session_title, session_type;
};

struct FoundTurns {
    std::vector<FoundTurn> turns;
    bool more = false;  // more after these
};

FoundTurns search_transcript_turns(db::Connection& c, const TranscriptSearch& s);

// The FTS5 expression of a query: each term a quoted phrase of its normalised words.
std::string fts5_match(const transcripts::SearchQuery& q);

// What the search form offers to filter by: the editions that have transcripts and the
// rooms their transcripts name or their sessions were held in.
struct SearchChoices {
    std::vector<std::pair<EditionId, std::string>> editions;  // newest first
    std::vector<std::string> rooms;                           // sorted
};
SearchChoices transcript_search_choices(db::Connection& c);

}  // namespace convene::store
