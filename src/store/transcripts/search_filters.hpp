#pragma once
// A search's filters as SQLite full-text words (migrations/028, core/transcripts/
// search_facets.hpp): "{search_facets} : (e3) AND {search_speaker} : ("st amour")", which
// the index intersects with the searched words by itself. A filter that would need too
// many words (a stakeholder group of hundreds of linked people, a date range of decades
// cut at odd days) is left to the joins of search.cpp instead.
#include <cstdint>
#include <string>
#include <vector>

#include "database/database.hpp"
#include "store/transcripts/search.hpp"

namespace convene::store {

struct FilterWords {
    enum class Kind { none, words, nothing, too_many } kind = Kind::none;
    std::string expression;  // for words: an FTS5 expression to AND with the query's
};

FilterWords filter_words(db::Connection& c, const TranscriptSearch& s);

// The people linked to a speaker label whose name holds the words of `key` (a label key),
// as ids, at most 500.
std::vector<std::int64_t> people_named(db::Connection& c, const std::string& key);

}  // namespace convene::store
