#pragma once
// A search's filters as words of the full-text index (core/transcripts/search_facets.hpp):
// each filter a group of alternatives, a fact's token ("e3", "rsallexi") or the words of a
// speaker label, that the index intersects with the searched words by itself. SQLite reads
// them as FTS5 columns (migrations/028), PostgreSQL as one weighted tsvector beside the
// words (migrations/030). A filter that would need too many words (a stakeholder group of
// hundreds of linked people, a date range of decades cut at odd days) is left to the joins
// of search.cpp instead.
#include <cstdint>
#include <string>
#include <vector>

#include "database/database.hpp"
#include "store/transcripts/search.hpp"

namespace convene::store {

struct FilterWords {
    enum class Kind { none, words, nothing, too_many } kind = Kind::none;
    // For words: a fact's token, or (speaker) the words of a speaker label, spaced.
    struct Alternative {
        std::string words;
        bool speaker = false;
    };
    std::vector<std::vector<Alternative>> all;  // every group holds, by any alternative
};

FilterWords filter_words(db::Connection& c, const TranscriptSearch& s);

// Text between quotes, each quote doubled (and, for a tsquery's ', each backslash): an FTS5
// phrase ("...") or a tsquery lexeme ('...') that holds no operator.
std::string between_quotes(std::string_view text, char quote);

// The filters as an FTS5 expression to AND with the query's:
// {search_facets} : ("e3") AND ({search_speaker} : "st amour" OR {search_facets} : ("s9")).
std::string fts5_filters(const FilterWords& f);

// The filters as the text of to_tsquery('simple', ...) over search_filter_vector, facts
// weighted A and speakers' words B: 'e3':A & ('st amour':B | 's9':A).
std::string tsquery_filters(const FilterWords& f);

// The people linked to a speaker label whose name holds the words of `key` (a label key),
// as ids, at most 500.
std::vector<std::int64_t> people_named(db::Connection& c, const std::string& key);

}  // namespace convene::store
